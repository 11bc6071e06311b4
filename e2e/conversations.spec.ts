import { randomBytes, randomInt } from "node:crypto";
import { createTestAccount, e2eDb } from "./fixtures/db";
import { seedPoolNumber, seedService } from "./fixtures/messages";
import { signInViaApi, test, expect } from "./fixtures/test";
import { twilioClient } from "./fixtures/twilio-client";
import { simDeliveries, simInbound } from "./fixtures/webhook-app";

// Whole flows through workers and the simulator on a shared machine: allow more than the default minute.
test.describe.configure({ timeout: 180_000 });

const line = () => `+1415${String(randomInt(2_000_000, 9_999_999))}`;

test("autocreate a conversation: the thread appears live, a reply from it reaches the handset", async ({ signedIn: page, request, account }) => {
  const service = await seedService(account.accountSid, "Help desk");
  const number = line();
  await seedPoolNumber(account.accountSid, service, number);
  const handset = line();

  // Switch the service to conversations on its Integration page
  await page.goto(`/services/${service}/integration`);
  await page.getByLabel("Incoming messages").selectOption("conversation");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible({ timeout: 30_000 });

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Conversations" }).click();
  await expect(page.getByRole("heading", { name: "Conversations", level: 1 })).toBeVisible();
  await expect(page.getByText("No conversations yet")).toBeVisible();

  // A text arrives: the inbox shows the thread without a reload
  await simInbound(request, account, { From: handset, To: number, Body: "Hi, my parcel is late" });
  const link = page.getByRole("link", { name: `Conversation with ${handset}, 1 unread` });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(link).toContainText("Hi, my parcel is late");
  await expect(link).toContainText(`Help desk · to ${number}`);
  await link.click();

  await expect(page.getByRole("heading", { name: handset, level: 1 })).toBeVisible();
  const messages = page.getByRole("list", { name: "Messages" });
  await expect(messages.getByRole("listitem", { name: "Received message" })).toHaveText(/Hi, my parcel is late/);

  // An empty reply is refused at the field and sends nothing
  const reply = page.getByLabel(`Reply to ${handset}`);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("form", { name: "Reply" }).getByText("Message body is required.")).toBeVisible();
  await expect(reply).toHaveAttribute("aria-invalid", "true");

  await reply.fill("Sorry! It ships today.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent")).toBeVisible({ timeout: 30_000 });
  await expect(reply).toHaveValue("");
  const sent = messages.getByRole("listitem", { name: "Sent message" });
  await expect(sent).toContainText("Sorry! It ships today.");
  await expect(sent).toContainText("delivered", { timeout: 20_000 });

  // The carrier got it from the number the customer wrote to; the API sees it as sent through the service
  const deliveries = await simDeliveries(request, account, handset);
  expect(deliveries.map((d) => [d.from, d.body])).toEqual([[number, "Sorry! It ships today."]]);
  const api = await twilioClient(account.accountSid, account.authToken).messages.list({ to: handset, limit: 5 });
  expect(api[0]).toMatchObject({ from: number, messagingServiceSid: service, body: "Sorry! It ships today." });

  // The next text shows up in the open thread, in order
  await simInbound(request, account, { From: handset, To: number, Body: "Great, thanks" });
  await expect(messages.getByRole("listitem")).toHaveText([/Hi, my parcel is late/, /Sorry! It ships today\./, /Great, thanks/], { timeout: 20_000 });

  // Read in the thread: the inbox shows no unread count, newest line on top
  await simInbound(request, account, { From: line(), To: number, Body: "Someone else" });
  await page.getByRole("link", { name: "All conversations" }).click();
  const rows = page.getByRole("list", { name: "Conversations" }).getByRole("link");
  await expect(rows).toHaveCount(2, { timeout: 20_000 });
  await expect(rows.first()).toContainText("Someone else");
  await expect(rows.first()).toHaveAccessibleName(/1 unread$/);
  await expect(page.getByRole("link", { name: `Conversation with ${handset}`, exact: true })).toContainText("Great, thanks");
});

test("another account's conversation is a 404 in the page, the data route and the reply action", async ({ signedIn: page, account, browser }) => {
  const service = await seedService(account.accountSid, "Private");
  const number = line();
  await seedPoolNumber(account.accountSid, service, number);
  const sid = "CH" + randomBytes(16).toString("hex");
  const participant = line();
  await e2eDb().query(
    `INSERT INTO conversations (sid, account_sid, service_sid, participant_address, sender_address, last_message_at, last_message_preview, last_message_direction)
     VALUES ($1, $2, $3, $4, $5, now(), 'secret', 'inbound')`,
    [sid, account.accountSid, service, participant, number],
  );
  await page.goto(`/conversations/${sid}`);
  await expect(page.getByRole("heading", { name: participant, level: 1 })).toBeVisible();

  const other = await createTestAccount();
  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signInViaApi(intruder.request, other);
  expect((await intruder.goto(`/conversations/${sid}`))?.status()).toBe(404);
  expect((await intruder.request.get(`/api/console/conversations/${sid}`)).status()).toBe(404);
  await intruder.goto("/conversations");
  await expect(intruder.getByText("No conversations yet")).toBeVisible();

  // The intruder's own thread page, with the victim's SID in the reply form
  const mine = await seedService(other.accountSid, "Mine");
  const myNumber = line();
  await seedPoolNumber(other.accountSid, mine, myNumber);
  const ownSid = "CH" + randomBytes(16).toString("hex");
  await e2eDb().query(
    `INSERT INTO conversations (sid, account_sid, service_sid, participant_address, sender_address, last_message_at, last_message_direction)
     VALUES ($1, $2, $3, $4, $5, now(), 'inbound')`,
    [ownSid, other.accountSid, mine, line(), myNumber],
  );
  await intruder.goto(`/conversations/${ownSid}`);
  await intruder.locator('form[aria-label="Reply"] input[name="sid"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), sid);
  await intruder.getByRole("textbox").fill("hijack");
  await intruder.getByRole("button", { name: "Send reply" }).click();
  await expect(intruder.getByText(`The requested resource /Conversations/${sid} was not found`)).toBeVisible();
  await context.close();
  const { rows } = await e2eDb().query(`SELECT count(*)::int AS n FROM messages WHERE body = 'hijack'`);
  expect(rows[0].n).toBe(0);
});
