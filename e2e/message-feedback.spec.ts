import { test, expect } from "./fixtures/test";
import { seedMessages } from "./fixtures/messages";
import { twilioClient } from "./fixtures/twilio-client";

test("Message detail shows the Feedback an app reported through the API", async ({ signedIn: page, account }) => {
  const [sid] = await seedMessages(account.accountSid, [{ to: "+14155550177", body: "Your code is 1234" }]);
  await page.goto(`/logs/${sid}`);
  const facts = page.getByRole("region", { name: "Message" });
  await expect(facts.getByText("None reported")).toBeVisible();

  const client = twilioClient(account.accountSid, account.authToken);
  await client.messages(String(sid)).feedback.create({ outcome: "unconfirmed" });
  await page.reload();
  await expect(facts.getByText("Unconfirmed")).toBeVisible();

  await client.messages(String(sid)).feedback.create({ outcome: "confirmed" });
  await page.reload();
  await expect(facts.getByText("Confirmed", { exact: true })).toBeVisible();
});
