import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import twilio from "twilio";
import { createTestAccount, e2eDb } from "./fixtures/db";
import { seedPoolNumber, seedService } from "./fixtures/messages";
import { signInViaApi, test, expect } from "./fixtures/test";
import { twilioClient } from "./fixtures/twilio-client";
import { simDeliveries, simInbound, startWebhookApp, type WebhookHit } from "./fixtures/webhook-app";

const line = () => `+1415${String(randomInt(2_000_000, 9_999_999))}`;
// Several round trips each on a machine shared with other builds.
test.describe.configure({ timeout: 240_000 });

const settingsRow = async (serviceSid: string) =>
  (await e2eDb().query<{ config: { advancedOptOut: boolean; languages: Record<string, unknown>; countries: Record<string, unknown> } }>(`SELECT config FROM opt_out_settings WHERE service_sid = $1`, [serviceSid])).rows[0];

test("Advanced Opt-Out page: validation errors under their fields, STOP/START/HELP cannot be removed, nothing saved", async ({ signedIn: page, account }) => {
  const service = await seedService(account.accountSid, "Opt-out settings");
  await page.goto(`/services/${service}/opt-out`);
  await expect(page.getByText("Off (defaults apply)")).toBeVisible();
  const global = page.getByRole("group", { name: "Global keywords and replies" });
  await expect(global.getByLabel("Opt-out keywords")).toHaveValue("STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT");

  // Removing the reserved keywords, a bad keyword and an empty reply: refused, each under its field, nothing saved.
  await global.getByLabel("Opt-out keywords").fill("QUIT, CANCEL");
  await global.getByLabel("Opt-in keywords").fill("YES, RE-START");
  await global.getByLabel("Help keywords").fill("INFO");
  await global.getByLabel("Help reply").fill("");
  await page.getByRole("button", { name: "Save opt-out settings" }).click();
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  await expect(global.getByText("STOP cannot be removed")).toBeVisible();
  await expect(global.getByText("keywords are 1-34 letters or digits")).toBeVisible();
  await expect(global.getByText("HELP cannot be removed")).toBeVisible();
  await expect(global.getByText("reply is required")).toBeVisible();
  expect(await settingsRow(service)).toBeUndefined();
  await page.reload();
  await expect(global.getByLabel("Opt-out keywords")).toHaveValue(/^STOP, /);

  // An override row with a keyword but no reply, and one for a country that does not exist.
  const add = page.getByRole("group", { name: "Add an override" });
  await add.getByLabel("Override type").selectOption("language");
  await add.getByLabel("Language tag or country code").fill("es");
  await add.getByLabel("Help keywords").fill("AYUDA");
  await page.getByRole("button", { name: "Save opt-out settings" }).click();
  await expect(add.getByText("reply is required")).toBeVisible();
  await add.getByLabel("Override type").selectOption("language");
  await add.getByLabel("Language tag or country code").fill("es");
  await add.getByLabel("Help keywords").fill("AYUDA, STOP");
  await add.getByLabel("Help reply").fill("Ayuda.");
  await page.getByRole("button", { name: "Save opt-out settings" }).click();
  await expect(add.getByText("STOP is reserved for optOut")).toBeVisible();
  expect(await settingsRow(service)).toBeUndefined();
});

test("Advanced Opt-Out page: edit with language and country overrides, preview, remove an override", async ({ signedIn: page, account }) => {
  const service = await seedService(account.accountSid, "Opt-out overrides");
  await page.goto(`/services/${service}/opt-out`);
  const global = page.getByRole("group", { name: "Global keywords and replies" });
  const add = page.getByRole("group", { name: "Add an override" });

  // Edit: switch on, add Spanish.
  await page.getByRole("switch", { name: "Advanced Opt-Out" }).check();
  await add.getByLabel("Override type").selectOption("language");
  await add.getByLabel("Language tag or country code").fill("es");
  await add.getByLabel("Opt-out keywords").fill("baja, parar");
  await add.getByLabel("Opt-out reply").fill("Te has dado de baja.");
  await add.getByLabel("Help keywords").fill("ayuda");
  await add.getByLabel("Help reply").fill("Responde BAJA para cancelar.");
  await global.getByLabel("Help reply").fill("Acme: reply STOP to stop.");
  await page.getByRole("button", { name: "Save opt-out settings" }).click();
  await expect(page.getByText("Opt-out settings saved (Advanced Opt-Out on)")).toBeVisible();
  const es = page.getByRole("group", { name: "Language override: es" });
  await expect(es.getByLabel("Opt-out keywords")).toHaveValue("BAJA, PARAR");
  await expect(page.getByText("On", { exact: true })).toBeVisible();
  await expect(page.getByText(`by ${account.email}`)).toBeVisible();

  // A Mexican override of help.
  await add.getByLabel("Override type").selectOption("country");
  await add.getByLabel("Language tag or country code").fill("mx");
  await add.getByLabel("Help keywords").fill("AYUDA");
  await add.getByLabel("Help reply").fill("México: escribe BAJA.");
  await page.getByRole("button", { name: "Save opt-out settings" }).click();
  await expect(page.getByRole("group", { name: "Country override: MX" }).getByLabel("Help reply")).toHaveValue("México: escribe BAJA.");
  expect(await settingsRow(service)).toMatchObject({ config: { advancedOptOut: true, languages: { es: {} }, countries: { MX: {} } } });

  // Preview: a UK number texting BAJA; a Mexican one texting AYUDA (country beats language).
  const preview = page.getByRole("form", { name: "Keyword preview" });
  await preview.getByLabel("From").fill("+447400555123");
  await preview.getByLabel("Message text").fill("baja");
  await preview.getByRole("button", { name: "Preview" }).click();
  const result = page.getByRole("region", { name: "Preview result" });
  await expect(result).toContainText("STOP");
  await expect(result).toContainText("Te has dado de baja.");
  await expect(result).toContainText("subscribed → opted out");
  await expect(result).toContainText('BAJA is a opt-out keyword of the "es" language override');
  await expect(result).toContainText("+447400555123 is a GB number");
  await preview.getByLabel("From").fill("+525512345678");
  await preview.getByLabel("Message text").fill("AYUDA");
  await preview.getByRole("button", { name: "Preview" }).click();
  await expect(result).toContainText("México: escribe BAJA.");
  await expect(result).toContainText("the MX country override");
  await expect(result).toContainText("subscribed → subscribed");
  await preview.getByLabel("From").fill("+14155550100");
  await preview.getByLabel("Message text").fill("stop please");
  await preview.getByRole("button", { name: "Preview" }).click();
  await expect(result).toContainText("is not a keyword");
  await preview.getByLabel("From").fill("12");
  await preview.getByLabel("Message text").fill("STOP");
  await preview.getByRole("button", { name: "Preview" }).click();
  await expect(preview.getByText("'12' is not a valid phone number.")).toBeVisible();
  // The preview changed nothing.
  expect((await e2eDb().query(`SELECT 1 FROM opt_outs WHERE service_sid = $1`, [service])).rowCount).toBe(0);

  // Remove the Mexican override (once the earlier saves' toasts are gone, so the next one is this save's).
  await expect(page.getByText("Opt-out settings saved (Advanced Opt-Out on)")).toHaveCount(0);
  await page.getByRole("group", { name: "Country override: MX" }).getByLabel("Remove the MX override").check();
  await page.getByRole("button", { name: "Save opt-out settings" }).click();
  await expect(page.getByText("Opt-out settings saved (Advanced Opt-Out on)")).toBeVisible();
  await expect(page.getByRole("group", { name: "Country override: MX" })).toHaveCount(0);
  expect((await settingsRow(service))?.config.countries).toEqual({});
});

test("opt-out list page: add (with validation), search, export, remove with who and when; another account gets a 404", async ({ signedIn: page, account, browser }) => {
  const service = await seedService(account.accountSid, "Opt-out list");
  const [a, b] = [line(), line()];
  await page.goto(`/services/${service}/opt-out/list`);
  await expect(page.getByText("No one has opted out")).toBeVisible();

  const addForm = page.getByRole("form", { name: "Add to the opt-out list" });
  await addForm.getByLabel("Phone number").fill("12");
  await addForm.getByRole("button", { name: "Add to list" }).click();
  await expect(addForm.getByText("Invalid 'PhoneNumber': '12' is not a valid phone number.")).toBeVisible();
  for (const n of [a, b]) {
    await addForm.getByLabel("Phone number").fill(n);
    await addForm.getByRole("button", { name: "Add to list" }).click();
    await expect(page.getByText(`${n} added to the opt-out list`)).toBeVisible();
  }
  const table = page.getByRole("table", { name: "Opted-out recipients" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row", { name: new RegExp(`\\${a}`) })).toContainText(account.email);
  await expect(table.getByRole("row", { name: new RegExp(`\\${a}`) })).toContainText("console");

  // Search by part of the number.
  await page.getByLabel("Search numbers").fill(b.slice(-7));
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText(b);
  await expect(page.getByText(`1 recipient matching “${b.slice(-7)}”`)).toBeVisible();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);

  // Export: the whole list as CSV.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = await readFile((await download.path()) as string, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("phone_number,date_created,source,created_by");
  expect(lines.slice(1).map((l) => l.split(",")[0]).sort()).toEqual([a, b].sort());
  expect(lines[1]).toContain(`,console,${account.email}`);

  // Remove a (confirmed), recorded in the history with who.
  await table.getByRole("row", { name: new RegExp(`\\${a}`) }).getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: `Remove ${a}?` }).getByRole("button", { name: "Remove from list" }).click();
  await expect(page.getByText(`${a} removed from the opt-out list`)).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
  const history = page.getByRole("table", { name: "Opt-out history" });
  await expect(history.getByRole("row")).toHaveCount(4);
  await expect(history.getByRole("row").nth(1)).toContainText(a);
  await expect(history.getByRole("row").nth(1)).toContainText("opted in");
  await expect(history.getByRole("row").nth(1)).toContainText(account.email);

  // Another account: the page is a 404 and so is the export.
  const other = await createTestAccount();
  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signInViaApi(intruder.request, other);
  expect((await intruder.goto(`/services/${service}/opt-out/list`))?.status()).toBe(404);
  expect((await intruder.goto(`/services/${service}/opt-out`))?.status()).toBe(404);
  const exported = await intruder.request.get(`/api/console/opt-outs/export?serviceSid=${service}`);
  expect(exported.status()).toBe(404);
  // The real remove action, retargeted at the victim's service, answers not found.
  const own = await seedService(other.accountSid, "Intruder");
  await intruder.goto(`/services/${own}/opt-out/list`);
  const form = intruder.getByRole("form", { name: "Add to the opt-out list" });
  await form.locator('input[name="serviceSid"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), service);
  await form.getByLabel("Phone number").fill(line());
  await form.getByRole("button", { name: "Add to list" }).click();
  await expect(intruder.getByText(`The requested resource /Services/${service} was not found`).first()).toBeVisible();
  await context.close();
  expect((await e2eDb().query(`SELECT recipient FROM opt_outs WHERE service_sid = $1`, [service])).rows).toEqual([{ recipient: b }]);
});

test("end to end through the carrier simulator: Spanish BAJA and ALTA with OptOutType on the signed webhook, replies, 21610 in between", async ({ signedIn: page, request, account }) => {
  const app = await startWebhookApp(() => ({ twiml: "<Response/>" }));
  try {
    const client = twilioClient(account.accountSid, account.authToken);
    const service = await seedService(account.accountSid, "Opt-out e2e");
    const number = line();
    await seedPoolNumber(account.accountSid, service, number);
    await client.messaging.v1.services(service).update({ inboundRequestUrl: app.url("/in"), inboundMethod: "POST" });
    await e2eDb().query(`UPDATE services SET incoming_handling = 'webhook' WHERE sid = $1`, [service]);
    const config = {
      advancedOptOut: true,
      global: {
        optOut: { keywords: ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"], reply: "Unsubscribed." },
        optIn: { keywords: ["START", "YES", "UNSTOP"], reply: "Subscribed again." },
        help: { keywords: ["HELP", "INFO"], reply: "Help." },
      },
      languages: { es: { optOut: { keywords: ["BAJA"], reply: "Te has dado de baja." }, optIn: { keywords: ["ALTA"], reply: "Te has dado de alta." } } },
      countries: {},
    };
    await e2eDb().query(`INSERT INTO opt_out_settings (service_sid, config) VALUES ($1, $2)`, [service, JSON.stringify(config)]);
    const handset = "+34612" + String(randomInt(100000, 999999));

    await simInbound(request, account, { From: handset, To: number, Body: "Baja" });
    await expect.poll(() => app.hits.length, { timeout: 20_000 }).toBe(1);
    const stop = app.hits[0] as WebhookHit;
    expect(stop.params).toMatchObject({ From: handset, To: number, Body: "Baja", OptOutType: "STOP", MessagingServiceSid: service });
    expect(twilio.validateRequest(account.authToken, String(stop.headers["x-twilio-signature"]), stop.url, stop.params)).toBe(true);
    await expect.poll(async () => (await simDeliveries(request, account, handset)).map((d) => `${d.from}: ${d.body}`), { timeout: 20_000 }).toEqual([`${number}: Te has dado de baja.`]);
    await expect(client.messages.create({ to: handset, messagingServiceSid: service, body: "oferta" })).rejects.toMatchObject({ code: 21610 });

    await page.goto(`/services/${service}/opt-out/list`);
    const row = page.getByRole("table", { name: "Opted-out recipients" }).getByRole("row", { name: new RegExp(`\\${handset}`) });
    await expect(row).toContainText("keyword");
    await expect(row).toContainText("Recipient (keyword)");

    await simInbound(request, account, { From: handset, To: number, Body: "ALTA" });
    await expect.poll(() => app.hits.length, { timeout: 20_000 }).toBe(2);
    expect((app.hits[1] as WebhookHit).params).toMatchObject({ Body: "ALTA", OptOutType: "START" });
    await expect.poll(async () => (await simDeliveries(request, account, handset)).map((d) => d.body), { timeout: 20_000 }).toEqual(["Te has dado de baja.", "Te has dado de alta."]);
    const again = await client.messages.create({ to: handset, messagingServiceSid: service, body: "hola" });
    await expect.poll(async () => (await client.messages(again.sid).fetch()).status, { timeout: 20_000 }).toBe("delivered");

    // A plain message carries no OptOutType.
    await simInbound(request, account, { From: handset, To: number, Body: "Baja por favor" });
    await expect.poll(() => app.hits.length, { timeout: 20_000 }).toBe(3);
    expect((app.hits[2] as WebhookHit).params.OptOutType).toBeUndefined();
    await page.reload();
    await expect(page.getByText("No one has opted out")).toBeVisible();
    await expect(page.getByRole("table", { name: "Opt-out history" }).getByRole("row")).toHaveCount(3);
  } finally {
    await app.close();
  }
});
