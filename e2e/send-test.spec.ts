import { randomInt } from "node:crypto";
import { test, expect } from "./fixtures/test";
import { seedPoolNumber, seedService } from "./fixtures/messages";

test("Send Test: live Smart Encoding preview, send, follow to delivered, simulate a reply", async ({ signedIn: page, account }) => {
  const service = await seedService(account.accountSid, "Notify");
  // Numbers are globally unique: a random line keeps parallel tests apart.
  const sender = `+1415${String(randomInt(2_000_000, 9_999_999))}`;
  await seedPoolNumber(account.accountSid, service, sender);
  const recipient = `+1415${String(randomInt(2_000_000, 9_999_999))}`;

  await page.goto("/send");
  const preview = page.getByRole("region", { name: "Encoding preview" });
  const body = page.getByLabel("Body", { exact: true });

  await body.fill("Hello \u201cthere\u201d \u2014 it\u2019s ready");
  await expect(preview.getByLabel("Encoding", { exact: true })).toHaveText("GSM-7");
  await expect(preview.getByLabel("Segments", { exact: true })).toHaveText("1");
  await expect(preview.getByLabel("Smart Encoding replacements")).toHaveText("Smart Encoding replaced 4 characters.");
  await expect(preview.locator("mark")).toHaveCount(4);
  await expect(preview.getByLabel("\u201c replaced by \"")).toBeVisible();

  await body.fill("Party time \u{1F389}");
  await expect(preview.getByLabel("Encoding", { exact: true })).toHaveText("UCS-2");
  await expect(preview.getByLabel("Segments", { exact: true })).toHaveText("1");
  await body.fill("\u{1F389}" + "x".repeat(69));
  await expect(preview.getByLabel("Segments", { exact: true })).toHaveText("2");
  await body.fill("a".repeat(160));
  await expect(preview.getByLabel("Encoding", { exact: true })).toHaveText("GSM-7");
  await expect(preview.getByLabel("Segments", { exact: true })).toHaveText("1");
  await body.pressSequentially("b");
  await expect(preview.getByLabel("Segments", { exact: true })).toHaveText("2");
  await expect(preview.getByLabel("Characters")).toHaveText("161 / 1600");

  // Bad input: the field says what is wrong and nothing is sent
  await page.getByLabel("To", { exact: true }).fill("");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Enter the recipient")).toBeVisible();

  await page.getByLabel("To", { exact: true }).fill(recipient);
  await body.fill("Your order shipped \u2013 thanks!");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText(/Message SM[0-9a-f]{32} accepted/)).toBeVisible();
  await expect(page.getByLabel("Chosen sender")).toHaveText(sender, { timeout: 20_000 });
  await expect(page.getByLabel("Current status")).toHaveText("delivered", { timeout: 20_000 });
  await expect(page.getByRole("list", { name: "Routing trace" })).not.toBeEmpty();
  const statuses = page.getByRole("list", { name: "Statuses" });
  await expect(statuses).toContainText("queued");
  await expect(statuses).toContainText("sent");
  await expect(statuses).toContainText("delivered");

  await expect(page.getByLabel("Reply to")).toHaveValue(sender);
  await page.getByLabel("Reply text").fill("Thanks, got it");
  await page.getByRole("button", { name: "Inject reply" }).click();
  await expect(page.getByText(/Reply received as SM[0-9a-f]{32}/)).toBeVisible();

  await page.goto("/logs?direction=inbound");
  await expect(page.getByRole("table", { name: "Messages" })).toContainText("Thanks, got it");
  await expect(page.getByRole("table", { name: "Messages" })).toContainText(recipient);
});

test("Send Test refuses a reply to a sender of another account", async ({ signedIn: page, account }) => {
  await seedService(account.accountSid, "Solo");
  await page.goto("/send");
  await page.getByLabel("Reply from").fill("+14155550123");
  await page.getByLabel("Reply to").fill("+19995550000");
  await page.getByLabel("Reply text").fill("hi");
  await page.getByRole("button", { name: "Inject reply" }).click();
  await expect(page.getByText(/is not a number of this account/)).toBeVisible();
});
