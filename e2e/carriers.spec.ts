import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures/test";
import { createTestAccount, e2eDb, type TestAccount } from "./fixtures/db";
import { seedNumber, seedService, seedShortCode, uniqueDigits } from "./fixtures/inventory";
import { startSmsc } from "../tests/smsc/start-smsc";

const basic = (a: TestAccount) => ({ authorization: "Basic " + Buffer.from(`${a.accountSid}:${a.authToken}`).toString("base64") });

async function apiCarrier(request: APIRequestContext, a: TestAccount, form: Record<string, string>) {
  const res = await request.post("/v1/Carriers", { headers: basic(a), form: { Type: "smpp", Host: "127.0.0.1", Port: "3499", SystemId: "sys", Password: "pw", ...form } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { sid: string; friendly_name: string };
}

/** What a worker process writes for one bind (the carrier runtime does this every few seconds). */
async function writeBind(carrierSid: string, bind: { state: string; lastError?: string; mpsOut?: number; mpsIn?: number; window?: number; queue?: number; reconnects?: number }) {
  await e2eDb().query(
    `INSERT INTO carrier_binds (carrier_sid, process_id, bind_index, state, last_error, last_error_at, mps_out, mps_in, window_in_use, queue_depth, reconnects, last_report_at, updated_at)
     VALUES ($1, 'e2e:1', 0, $2, $3, CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, $4, $5, $6, $7, $8, now(), now())
     ON CONFLICT (carrier_sid, process_id, bind_index) DO UPDATE SET state = EXCLUDED.state, last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at,
       mps_out = EXCLUDED.mps_out, mps_in = EXCLUDED.mps_in, window_in_use = EXCLUDED.window_in_use, queue_depth = EXCLUDED.queue_depth,
       reconnects = EXCLUDED.reconnects, updated_at = now()`,
    [carrierSid, bind.state, bind.lastError ?? null, bind.mpsOut ?? 0, bind.mpsIn ?? 0, bind.window ?? 0, bind.queue ?? 0, bind.reconnects ?? 0],
  );
}

test("create, edit, disable and delete a carrier; its live state refreshes by itself", async ({ signedIn: page }) => {
  await page.goto("/services");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Carriers" }).click();
  await expect(page.getByRole("heading", { name: "Carriers", level: 1 })).toBeVisible();
  await expect(page.getByText("No carriers yet")).toBeVisible();
  await page.getByRole("link", { name: "Add carrier" }).click();

  // Bad input: field errors, and what was typed stays (the password too).
  await page.getByLabel("Friendly name").fill("SMSC Alpha");
  // Nothing listens on this port (the spec's range): the workers' bind attempts fail with ECONNREFUSED.
  await page.getByLabel("Host").fill("127.0.0.1");
  await page.getByLabel("Port").fill("27x5");
  await page.getByLabel("Password").fill("pw-typed");
  await page.getByRole("button", { name: "Create carrier" }).click();
  await expect(page.getByText("Port must be a whole number from 1 to 65535")).toBeVisible();
  await expect(page.getByText("System ID is required")).toBeVisible();
  await expect(page.getByLabel("Port")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Host")).toHaveValue("127.0.0.1");
  await expect(page.getByLabel("Password")).toHaveValue("pw-typed");

  await page.getByLabel("Port").fill("3499");
  await page.getByLabel("System ID").fill("switchyard");
  await page.getByLabel("Window size").fill("20");
  await page.getByLabel("Concatenation").selectOption("udh16");
  await page.getByRole("switch", { name: "Account default" }).check();
  await page.getByRole("button", { name: "Create carrier" }).click();
  await expect(page.getByRole("heading", { name: "SMSC Alpha", level: 1 })).toBeVisible();
  await expect(page.getByText("Created SMSC Alpha")).toBeVisible();
  const sid = page.url().split("/carriers/")[1]!.split("?")[0]!;
  expect(sid).toMatch(/^CR[0-9a-f]{32}$/);
  const live = page.getByRole("region", { name: "Live state" });
  // The password is never shown again.
  await expect(page.getByLabel("Password")).toHaveValue("");
  expect(await page.content()).not.toContain("pw-typed");
  const { rows } = await e2eDb().query<{ secret: string }>("SELECT secret FROM carriers WHERE sid = $1", [sid]);
  const sealed = rows[0]!.secret;
  expect(sealed).toMatch(/^v1:/);

  // A carrier that cannot bind surfaces through live state, without a reload: prominent, but not at the
  // password field (it is not a credentials error; the SMSC test below shows one).
  await expect(live.getByRole("alert")).toContainText(/Last error: .*ECONNREFUSED/, { timeout: 20_000 });
  await expect(live.getByText("error", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Password")).not.toHaveAttribute("aria-invalid", "true");

  // Edit with the password left blank: settings change, the stored secret does not.
  await page.getByLabel("Window size").fill("5");
  await page.getByLabel("Throughput (submits/s per bind)").fill("abc");
  await page.getByRole("button", { name: "Save carrier" }).click();
  await expect(page.getByText("Throughput must be a whole number from 1 to 10000")).toBeVisible();
  await expect(page.getByLabel("Window size")).toHaveValue("5");
  await page.getByLabel("Throughput (submits/s per bind)").fill("40");
  await page.getByRole("button", { name: "Save carrier" }).click();
  await expect(page.getByText("Carrier saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Window size")).toHaveValue("5");
  await expect(page.getByLabel("Throughput (submits/s per bind)")).toHaveValue("40");
  await expect(page.getByLabel("Concatenation")).toHaveValue("udh16");
  expect((await e2eDb().query<{ secret: string }>("SELECT secret FROM carriers WHERE sid = $1", [sid])).rows[0]!.secret).toBe(sealed);

  // The list shows every live figure and follows the binds as they change.
  await page.getByRole("link", { name: "All carriers" }).click();
  const row = page.getByRole("table", { name: "Carriers" }).getByRole("row", { name: "SMSC Alpha" });
  await expect(row).toContainText("error");
  await expect(row).toContainText("ECONNREFUSED");
  await expect(row).toContainText("Default");
  // A second process whose bind is up: bound wins, its figures add to the first process's (idle) ones.
  await writeBind(sid, { state: "bound", mpsOut: 12.5, mpsIn: 3, window: 4, queue: 7, reconnects: 4 });
  await expect(row).toContainText("bound");
  await expect(row).toContainText("12.5 / 3");
  await expect(row).toContainText("4 / 5"); // window in use / window size × binds
  await expect(row.getByRole("cell").nth(6)).toHaveText("7");
  await expect(row.getByRole("cell").nth(8)).toHaveText(/^([4-9]|\d\d+)$/); // ours + the real bind's reconnects

  // Disable, then delete.
  await row.getByRole("link", { name: "SMSC Alpha" }).click();
  await page.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Carrier disabled")).toBeVisible();
  await expect(live.getByText("unbound", { exact: true })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Enabled" })).not.toBeChecked();
  await page.getByRole("button", { name: "Delete carrier" }).click();
  await page.getByRole("form", { name: "Confirm delete carrier" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Carrier deleted")).toBeVisible();
  await expect(page).toHaveURL(/\/carriers$/);
  await expect(page.getByText("No carriers yet")).toBeVisible();
});

test("prefix routes and the Carrier select of numbers, short codes and alpha senders", async ({ signedIn: page, account, request }) => {
  const a = await apiCarrier(request, account, { FriendlyName: "Carrier A" });
  const b = await apiCarrier(request, account, { FriendlyName: "Carrier B" });
  await page.goto("/carriers");
  const add = page.getByRole("form", { name: "Add route" });
  await add.getByLabel("Prefix").fill("44");
  await add.getByRole("button", { name: "Add route" }).click();
  await expect(add.getByText("Prefix must be + and 1 to 15 digits, such as +44")).toBeVisible();
  await expect(add.getByText("Choose at least one carrier")).toBeVisible();
  await add.getByLabel("Prefix").fill("+44");
  await add.getByLabel("First carrier").selectOption({ label: "Carrier B" });
  await add.getByLabel("Second carrier (failover)").selectOption({ label: "Carrier A" });
  await add.getByRole("button", { name: "Add route" }).click();
  await expect(page.getByText("Route +44 added")).toBeVisible();
  const routes = page.getByRole("table", { name: "Prefix routes" });
  await expect(routes.getByRole("row", { name: "Route +44" })).toContainText("Carrier B → Carrier A");

  await routes.getByRole("link", { name: "Edit route +44" }).click();
  const edit = page.getByRole("form", { name: "Edit route +44" });
  await edit.getByLabel("Prefix").fill("+4474");
  await edit.getByLabel("Second carrier (failover)").selectOption("");
  await edit.getByRole("button", { name: "Save route" }).click();
  await expect(page.getByText("Route +4474 saved")).toBeVisible();
  await expect(routes.getByRole("row", { name: "Route +4474" })).toContainText("Carrier B");
  await expect(routes.getByRole("row", { name: "Route +4474" })).not.toContainText("Carrier A");
  const apiRoutes = (await (await request.get("/v1/CarrierRoutes", { headers: basic(account) })).json()) as { carrier_routes: { prefix: string; carrier_sids: string[] }[] };
  expect(apiRoutes.carrier_routes).toEqual([expect.objectContaining({ prefix: "+4474", carrier_sids: [b.sid] })]);

  await routes.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("form", { name: "Confirm delete route +4474" }).getByRole("button", { name: "Delete route" }).click();
  await expect(page.getByText("No prefix routes")).toBeVisible();

  // Numbers: the Configure form has a Carrier select ("Account default" = none).
  const number = `+1646${uniqueDigits(7)}`;
  const pn = await seedNumber(account.accountSid, number);
  await page.goto(`/numbers?edit=${pn}`);
  const cfg = page.getByRole("form", { name: `Configure ${number}` });
  await expect(cfg.getByLabel("Carrier")).toHaveValue("");
  await cfg.getByLabel("Carrier").selectOption({ label: "Carrier A" });
  await cfg.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Saved ${number}`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Phone numbers" }).getByRole("row", { name: new RegExp(`\\${number}`) })).toContainText("Carrier A");

  // Short codes: inline select per row.
  const code = uniqueDigits(6);
  const sc = await seedShortCode(account.accountSid, code);
  await page.reload();
  const scForm = page.getByRole("form", { name: `Carrier of short code ${code}` });
  await scForm.getByLabel(`Carrier for short code ${code}`).selectOption({ label: "Carrier B" });
  await scForm.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Carrier saved")).toBeVisible();
  await expect.poll(async () => (await e2eDb().query("SELECT carrier_sid FROM short_codes WHERE sid = $1", [sc])).rows[0]?.carrier_sid).toBe(b.sid);
  const fetched = await request.get(`/2010-04-01/Accounts/${account.accountSid}/SMS/ShortCodes/${sc}.json`, { headers: basic(account) });
  expect(((await fetched.json()) as { carrier_sid: string }).carrier_sid).toBe(b.sid);

  // Alpha senders: the sender pool's Carrier column.
  const service = await seedService(account.accountSid, "Alerts");
  await e2eDb().query(`INSERT INTO alpha_senders (sid, account_sid, service_sid, alpha_sender, updated_at) VALUES ($1, $2, $3, 'ACME', now())`, [
    "AI" + uniqueDigits(10).padEnd(32, "0"),
    account.accountSid,
    service,
  ]);
  await page.goto(`/services/${service}/sender-pool`);
  const alpha = page.getByRole("form", { name: "Carrier of ACME" });
  await alpha.getByLabel("Carrier for ACME").selectOption({ label: "Carrier A" });
  await alpha.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Carrier saved")).toBeVisible();
  await expect.poll(async () => (await e2eDb().query("SELECT carrier_sid FROM alpha_senders WHERE service_sid = $1", [service])).rows[0]?.carrier_sid).toBe(a.sid);

  // Deleting a carrier unbinds its senders.
  await request.delete(`/v1/Carriers/${a.sid}`, { headers: basic(account) });
  expect((await e2eDb().query("SELECT carrier_sid FROM phone_numbers WHERE sid = $1", [pn])).rows[0]?.carrier_sid).toBeNull();
  expect((await e2eDb().query("SELECT carrier_sid FROM alpha_senders WHERE service_sid = $1", [service])).rows[0]?.carrier_sid).toBeNull();
});

test("another account's carrier is not found, in the console and over the API; bad API input gets Twilio-shaped errors", async ({ signedIn: page, account, request }) => {
  const other = await createTestAccount();
  const theirs = await apiCarrier(request, other, { FriendlyName: "Not yours" });
  await page.goto(`/carriers/${theirs.sid}`);
  await expect(page.getByText(/could not be found|404/i).first()).toBeVisible();
  expect((await page.request.get(`/api/console/carriers/${theirs.sid}`)).status()).toBe(404);
  await page.goto("/carriers");
  await expect(page.getByText("Not yours")).toHaveCount(0);

  const asMe = basic(account);
  const fetched = await request.get(`/v1/Carriers/${theirs.sid}`, { headers: asMe });
  expect(fetched.status()).toBe(404);
  expect(await fetched.json()).toMatchObject({ code: 20404, status: 404 });
  const route = await request.post("/v1/CarrierRoutes", { headers: asMe, form: { Prefix: "+33", CarrierSids: theirs.sid } });
  expect(await route.json()).toMatchObject({ code: 21802, status: 400 });
  const badPort = await request.post("/v1/Carriers", { headers: asMe, form: { FriendlyName: "x", Type: "smpp", Host: "h", Port: "abc", SystemId: "s", Password: "p" } });
  expect(badPort.status()).toBe(400);
  expect(await badPort.json()).toEqual({
    code: 21801,
    message: "Invalid parameter Port: Port must be a whole number from 1 to 65535",
    more_info: "https://www.twilio.com/docs/errors/21801",
    status: 400,
  });
  const list = (await (await request.get("/v1/Carriers", { headers: asMe })).json()) as { carriers: unknown[]; meta: { key: string } };
  expect(list).toMatchObject({ carriers: [], meta: { key: "carriers" } });
});

test("a carrier with a wrong password shows its error against a real SMSC, and binds once corrected", async ({ signedIn: page }) => {
  // Debian's Net::SMPP as the SMSC (tests/smsc/), account test/secret, on this spec's ports.
  const smsc = await startSmsc({ portRange: [3450, 3469], record: false });
  try {
    await page.goto("/carriers/new");
    await page.getByLabel("Friendly name").fill("Net SMPP");
    await page.getByLabel("Host").fill("127.0.0.1");
    await page.getByLabel("Port").fill(String(smsc.port));
    await page.getByLabel("System ID").fill("test");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Create carrier" }).click();
    await expect(page.getByRole("heading", { name: "Net SMPP", level: 1 })).toBeVisible();

    const live = page.getByRole("region", { name: "Live state" });
    await expect(live.getByRole("alert")).toContainText("ESME_RINVPASWD", { timeout: 20_000 });
    await expect(live.getByText("error", { exact: true })).toBeVisible();
    await expect(page.getByText(/The carrier refused these credentials: .*ESME_RINVPASWD/)).toBeVisible();
    await page.getByRole("link", { name: "All carriers" }).click();
    const row = page.getByRole("table", { name: "Carriers" }).getByRole("row", { name: "Net SMPP" });
    await expect(row).toContainText("error");
    await expect(row).toContainText("ESME_RINVPASWD");

    await row.getByRole("link", { name: "Net SMPP" }).click();
    await page.getByLabel("Password").fill("secret");
    await page.getByRole("button", { name: "Save carrier" }).click();
    await expect(page.getByText("Carrier saved")).toBeVisible();
    await expect(live.getByText("bound", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(live.getByRole("alert")).toHaveCount(0);
    await expect(page.getByLabel("Password")).not.toHaveAttribute("aria-invalid", "true");
  } finally {
    await smsc.stop();
  }
});
