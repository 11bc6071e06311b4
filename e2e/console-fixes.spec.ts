import { test, expect } from "./fixtures/test";
import { randomInt } from "node:crypto";
import { uniqueDigits } from "./fixtures/inventory";
import { seedAlphaSender } from "./fixtures/content";
import { e2eDb } from "./fixtures/db";
import { seedMessages, seedPoolNumber, seedService } from "./fixtures/messages";

// Issue #19, "Defects seen": each test here failed on the console before the fix.

async function createService(page: import("@playwright/test").Page, name: string) {
  await page.goto("/services/new");
  await page.getByLabel("Friendly name").fill(name);
  await page.getByLabel("Use case").selectOption("notifications");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  // Creating goes on to the guided setup; these tests start from the properties.
  await page.getByRole("link", { name: "Properties" }).click();
  await expect(page.getByRole("form", { name: "Service properties" })).toBeVisible();
}

test("selects show the saved value after saving, and a second save keeps it", async ({ signedIn: page }) => {
  await createService(page, "Stale select");
  await page.getByLabel("Use case").selectOption("marketing");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(page.getByLabel("Use case")).toHaveValue("marketing");

  // A rename saved afterwards must not write the old use case back.
  await page.getByLabel("Friendly name").fill("Stale select renamed");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved").first()).toBeVisible();
  await expect(page.getByLabel("Use case")).toHaveValue("marketing");
  await page.reload();
  await expect(page.getByLabel("Friendly name")).toHaveValue("Stale select renamed");
  await expect(page.getByLabel("Use case")).toHaveValue("marketing");

  // Content Settings: "Scan message content" the same way.
  await page.getByRole("link", { name: "Content Settings" }).click();
  const scan = page.getByLabel("Scan message content");
  await expect(scan).toHaveValue("inherit");
  const next = "disable";
  await scan.selectOption(next);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(page.getByLabel("Scan message content")).toHaveValue(next);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Scan message content")).toHaveValue(next);
  await page.reload();
  await expect(page.getByLabel("Scan message content")).toHaveValue(next);
});

test("Message Logs: Clear filters resets the filter dropdowns", async ({ signedIn: page }) => {
  await page.goto("/logs?direction=inbound&status=failed&sort=oldest");
  await expect(page.getByLabel("Direction")).toHaveValue("inbound");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/logs$/);
  await expect(page.getByLabel("Direction")).toHaveValue("");
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByLabel("Sort")).toHaveValue("newest");
});

test("typed input is kept on an error, and the error clears when the field is fixed", async ({ signedIn: page }) => {
  await createService(page, "Typed input");
  await page.getByRole("link", { name: "Integration" }).click();
  await page.getByLabel("Validity period (seconds)").fill("40000");
  await page.getByLabel("Status callback URL").fill("not a url");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter an absolute http(s) URL")).toBeVisible();
  await expect(page.getByLabel("Validity period (seconds)")).toHaveValue("40000");
  await expect(page.getByLabel("Status callback URL")).toHaveValue("not a url");

  await page.getByLabel("Status callback URL").fill("https://example.com/status");
  await expect(page.getByText("Enter an absolute http(s) URL")).toBeHidden();
  await page.getByLabel("Validity period (seconds)").fill("600");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Status callback URL")).toHaveValue("https://example.com/status");
});

test("Advanced Opt-Out stays on, and typed keywords stay, after a validation error", async ({ signedIn: page }) => {
  await createService(page, "Opt-out typed");
  await page.getByRole("link", { name: "Opt-Out Management" }).click();
  const advanced = page.getByRole("switch", { name: "Advanced Opt-Out" });
  await advanced.setChecked(true);
  const global = page.getByRole("group", { name: "Global keywords and replies" });
  await global.getByLabel("Opt-out keywords").fill("QUIT, CANCEL");
  await page.getByRole("button", { name: "Save opt-out settings" }).click();
  await expect(global.getByRole("alert").filter({ hasText: "STOP cannot be removed" })).toBeVisible();
  await expect(advanced).toBeChecked();
  await expect(global.getByLabel("Opt-out keywords")).toHaveValue("QUIT, CANCEL");
  await global.getByLabel("Opt-out keywords").fill("STOP, QUIT, CANCEL");
  await expect(global.getByRole("alert").filter({ hasText: "STOP cannot be removed" })).toBeHidden();
});

test("favicon, wording and the missing message's 404", async ({ signedIn: page }) => {
  await createService(page, "Wording");
  const icon = await page.request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);

  await page.getByRole("link", { name: "Sender Pool" }).click();
  await expect(page.getByText("The senders this service chooses from")).toBeVisible();
  await expect(page.getByText(/SPEC:/)).toHaveCount(0);

  await page.goto("/logs/SM00000000000000000000000000000000");
  await expect(page.getByRole("link", { name: "Back to Message Logs" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Messaging Services" })).toHaveCount(0);
});

test("a number typed the way it is written is normalised, and a refused one stays in the field", async ({ signedIn: page }) => {
  await page.goto("/numbers");
  const field = page.getByLabel("Phone number (E.164)");
  await field.fill("415 555 2671");
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText("Enter the number in E.164 format, e.g. +14155550100").first()).toBeVisible();
  await expect(field).toHaveValue("415 555 2671");

  const d = uniqueDigits(6);
  await field.fill(`+44 (7400) ${d.slice(0, 3)}-${d.slice(3)}`);
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText(`Bought +447400${d}`)).toBeVisible();
  await expect(field).toHaveValue("");
});

test("Send Test shows a refusal with its code and meaning, at the field, and resets the Delivery panel", async ({ signedIn: page, account }) => {
  const service = await seedService(account.accountSid, "Send failures");
  await seedPoolNumber(account.accountSid, service, `+1415${String(randomInt(2_000_000, 9_999_999))}`);
  await page.goto("/send");
  const form = page.getByRole("form", { name: "Send test message" });
  const delivery = page.getByRole("region", { name: "Delivery" });

  await page.getByLabel("To", { exact: true }).fill(`+1415${String(randomInt(2_000_000, 9_999_999))}`);
  await page.getByLabel("Body", { exact: true }).fill("first");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText(/^Message SM[0-9a-f]{32} accepted$/)).toBeVisible();

  await page.getByLabel("To", { exact: true }).fill("hello");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Error 21211" })).toContainText("E.164");
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("hello");
  await expect(delivery.getByText(/Not sent\. Error 21211/)).toBeVisible();
  await expect(delivery.getByText(/SM[0-9a-f]{32}/)).toHaveCount(0);
});

test("Send Test: an opted-out recipient is refused at the To field with 21610 and what it means", async ({ signedIn: page, account }) => {
  const service = await seedService(account.accountSid, "Send opted out");
  await seedPoolNumber(account.accountSid, service, `+1415${String(randomInt(2_000_000, 9_999_999))}`);
  const to = `+1415${String(randomInt(2_000_000, 9_999_999))}`;
  await e2eDb().query(`INSERT INTO opt_outs (service_sid, recipient, source) VALUES ($1, $2, 'api')`, [service, to]);
  await page.goto("/send");
  const form = page.getByRole("form", { name: "Send test message" });
  const delivery = page.getByRole("region", { name: "Delivery" });
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByLabel("Body", { exact: true }).fill("hello");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const error = form.getByRole("alert").filter({ hasText: "Error 21610" });
  await expect(error).toContainText("replied STOP");
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-describedby", (await error.getAttribute("id")) ?? "");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(to);
  await expect(delivery.getByText(/Not sent\. Error 21610/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("send-21610.png") });
  // Fixing the field clears its error.
  await page.getByLabel("To", { exact: true }).fill(`+1415${String(randomInt(2_000_000, 9_999_999))}`);
  await expect(error).toBeHidden();
});

test("Send Test: the Delivery panel lets go of the last message as soon as the next send starts, and explains a 21703 failure", async ({ signedIn: page, account }) => {
  test.setTimeout(120_000);
  const service = await seedService(account.accountSid, "Send reset");
  await seedPoolNumber(account.accountSid, service, `+1415${String(randomInt(2_000_000, 9_999_999))}`);
  const alphaOnly = await seedService(account.accountSid, "Send alpha only");
  await seedAlphaSender(account.accountSid, alphaOnly, "ACME");
  await page.goto("/send");
  const delivery = page.getByRole("region", { name: "Delivery" });

  await page.getByLabel("To", { exact: true }).fill(`+1415${String(randomInt(2_000_000, 9_999_999))}`);
  await page.getByLabel("Body", { exact: true }).fill("first");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  // The panel follows the first message (routed or not yet, as the pipeline goes).
  await expect(delivery.getByRole("link", { name: "Open in Message Logs" })).toBeVisible();
  await expect(delivery.getByLabel("Chosen sender")).toBeVisible();

  // Hold the next send's server action until the panel has been checked.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/send", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  // An alpha-only pool cannot reach a US number: accepted, then failed at dispatch with 21703.
  await page.getByLabel("Messaging Service").selectOption({ label: "Send alpha only" });
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(delivery.getByRole("status")).toHaveText("Sending…");
  await expect(delivery.getByRole("link", { name: "Open in Message Logs" })).toHaveCount(0);
  await expect(delivery.getByLabel("Chosen sender")).toHaveCount(0);
  release();

  const failure = delivery.getByRole("alert").filter({ hasText: "Error 21703" });
  // Routing happens at dispatch: on a loaded machine that can take a while.
  await expect(failure).toContainText("No sender in the Sender Pool can reach this destination", { timeout: 60_000 });
  await expect(delivery.getByLabel("Current status")).toHaveText(/failed/i);
  // The trace of the failed routing stays, saying why no sender could take it.
  await expect(delivery.getByRole("list", { name: "Routing trace" })).toContainText("tier alpha:");
  await page.screenshot({ path: test.info().outputPath("send-21703.png") });
});

test("routing traces name senders by number or name, not by internal ID", async ({ signedIn: page, account }) => {
  test.setTimeout(120_000);
  const service = await seedService(account.accountSid, "Trace labels");
  const number = `+1415${String(randomInt(2_000_000, 9_999_999))}`;
  const pn = await seedPoolNumber(account.accountSid, service, number);
  const ai = await seedAlphaSender(account.accountSid, service, "ACMEINC");
  const [sid] = await seedMessages(account.accountSid, [
    {
      serviceSid: service,
      from: number,
      to: "+14155550199",
      routingTrace: { trace: [`sticky: +14155550199 -> ${pn}`, `tier alpha: ${ai} (service-wide)`, `from: explicit From ${number} (${pn}), no automatic selection`], warnings: [] },
    },
  ]);
  await page.goto(`/logs/${sid}`);
  const trace = page.getByRole("list", { name: "Routing trace" });
  await expect(trace.getByRole("listitem").nth(0)).toHaveText(`sticky: +14155550199 -> ${number}`);
  await expect(trace.getByRole("listitem").nth(1)).toHaveText("tier alpha: ACMEINC (service-wide)");
  await expect(trace.getByRole("listitem").nth(2)).toHaveText(`from: explicit From ${number}, no automatic selection`);
  await expect(trace).not.toContainText(pn);
  await expect(trace).not.toContainText(ai);
  // The SID is still there for whoever needs it.
  await expect(trace.getByTitle(pn).first()).toHaveText(number);

  // Send Test's Delivery panel shows the same trace, from a real send through the pipeline.
  await page.goto("/send");
  await page.getByLabel("Messaging Service").selectOption({ label: "Trace labels" });
  await page.getByLabel("To", { exact: true }).fill(`+1415${String(randomInt(2_000_000, 9_999_999))}`);
  await page.getByLabel("Body", { exact: true }).fill("trace me");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const live = page.getByRole("region", { name: "Delivery" }).getByRole("list", { name: "Routing trace" });
  await expect(live).toContainText(number, { timeout: 60_000 });
  await expect(live).not.toContainText(/\b(PN|AI)[0-9a-f]{32}\b/);
});
