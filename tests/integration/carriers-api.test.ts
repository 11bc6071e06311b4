import { beforeAll, describe, expect, it } from "vitest";
import * as carriers from "@/app/v1/Carriers/route";
import * as carrier from "@/app/v1/Carriers/[sid]/route";
import * as routes from "@/app/v1/CarrierRoutes/route";
import * as route from "@/app/v1/CarrierRoutes/[sid]/route";
import * as incomingNumber from "@/app/2010-04-01/Accounts/[accountSid]/IncomingPhoneNumbers/[sid]/route";
import * as shortCode from "@/app/2010-04-01/Accounts/[accountSid]/SMS/ShortCodes/[sid]/route";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { carrierSecretPurpose, openSecret } from "@/lib/server/secrets/secret-box";
import { createShortCode } from "@/lib/server/services/short-codes/create-short-code";
import { createCarrier } from "@/lib/server/services/carriers/create-carrier";
import { updateCarrier } from "@/lib/server/services/carriers/update-carrier";
import { accountWithService, ownNumber } from "./pool-fixtures";
import { decryptToken } from "@/lib/server/security/token-crypto";

beforeAll(() => {
  process.env.SECRETS_KEY ??= "carriers-api-test-secret";
});

type Json = Record<string, unknown>;
interface Caller {
  accountSid: string;
  auth: string;
}

async function caller(): Promise<Caller> {
  const { accountSid } = await accountWithService("Carriers");
  const { authToken } = await db.account.findUniqueOrThrow({ where: { sid: accountSid } });
  // Stored encrypted at rest (docs/security.md): the client sends the token itself.
  return { accountSid, auth: "Basic " + Buffer.from(`${accountSid}:${decryptToken(authToken)}`).toString("base64") };
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler as Next would, form-encoded like the twilio client. */
async function call<P = Record<string, never>>(
  who: Caller,
  handler: Handler<P> | ((req: Request) => Promise<Response>),
  opts: { method?: string; form?: Record<string, string>; params?: P; query?: string } = {},
): Promise<{ status: number; body: Json }> {
  const req = new Request(`http://localhost:3000/x${opts.query ?? ""}`, {
    method: opts.method ?? (opts.form ? "POST" : "GET"),
    headers: { authorization: who.auth, "content-type": "application/x-www-form-urlencoded" },
    body: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
  });
  const res = await (handler as Handler<P>)(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

const SMPP = { FriendlyName: "SMSC one", Type: "smpp", Host: "smsc.example.net", Port: "2775", SystemId: "switchyard", Password: "s3cret!" };
const TWILIO = { FriendlyName: "Upstream", Type: "twilio", BaseUrl: "https://api.twilio.com/", AccountSid: "AC" + "ab".repeat(16), AuthToken: "upstream-token" };

describe("/v1/Carriers", () => {
  it("creates an SMPP carrier with defaults, never answers the secret, stores it sealed", async () => {
    const me = await caller();
    const res = await call(me, carriers.POST, { form: { ...SMPP, WindowSize: "20", Tls: "true", Concatenation: "udh16", SourceTonAlpha: "5", DestinationNpi: "1" } });
    expect(res.status).toBe(201);
    const c = res.body;
    expect(c).toMatchObject({
      account_sid: me.accountSid,
      friendly_name: "SMSC one",
      type: "smpp",
      state: "unbound",
      last_error: null,
      is_default: false,
      enabled: true,
      host: "smsc.example.net",
      port: 2775,
      system_id: "switchyard",
      system_type: "",
      bind_mode: "transceiver",
      window_size: 20,
      throughput: 100,
      binds: 1,
      tls: true,
      registered_delivery: true,
      enquire_link_interval: 30,
      concatenation: "udh16",
      source_ton_alpha: 5,
      source_npi_alpha: 0,
      source_ton_short_code: 3,
      source_npi_short_code: 0,
      source_ton_international: 1,
      source_npi_international: 1,
      destination_ton: 1,
      destination_npi: 1,
      base_url: null,
      upstream_account_sid: null,
      binds_bound: 0,
      mps_out: 0,
      queue_depth: 0,
      last_delivery_report_at: null,
    });
    expect(c.sid).toMatch(/^CR[0-9a-f]{32}$/);
    expect(c.url).toBe(`http://localhost:3000/v1/Carriers/${c.sid as string}`);
    expect(c.date_created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(JSON.stringify(c)).not.toContain("s3cret!");
    expect(c).not.toHaveProperty("password");
    const row = await db.carrier.findUniqueOrThrow({ where: { sid: c.sid as string } });
    expect(row.secret).not.toContain("s3cret!");
    expect(openSecret(row.secret!, carrierSecretPurpose(row.sid))).toBe("s3cret!");
    // Sealed under its own SID: another row's purpose cannot open it.
    expect(() => openSecret(row.secret!, carrierSecretPurpose(newSid("CR")))).toThrow();
  });

  it("creates a twilio carrier: upstream_account_sid and base_url, account_sid is the owner", async () => {
    const me = await caller();
    const { status, body } = await call(me, carriers.POST, { form: TWILIO });
    expect(status).toBe(201);
    expect(body).toMatchObject({ type: "twilio", account_sid: me.accountSid, upstream_account_sid: TWILIO.AccountSid, base_url: "https://api.twilio.com", host: null, port: null });
    expect(JSON.stringify(body)).not.toContain("upstream-token");
    // A blank token on update keeps the stored one; a new one replaces it.
    const sid = body.sid as string;
    await call(me, carrier.POST, { form: { AuthToken: "", BaseUrl: "https://upstream.example.com/" }, params: { sid } });
    const row = await db.carrier.findUniqueOrThrow({ where: { sid } });
    expect(openSecret(row.secret!, carrierSecretPurpose(sid))).toBe("upstream-token");
    expect(row.settings).toEqual({ baseUrl: "https://upstream.example.com", accountSid: TWILIO.AccountSid });
  });

  it.each<[string, Record<string, string>, number, string]>([
    ["no Type", { FriendlyName: "x" }, 21800, "Missing required parameter Type in the post body"],
    ["an unknown Type", { ...SMPP, Type: "sigtran" }, 21801, "Invalid parameter Type: Type must be smpp or twilio"],
    ["a non-numeric Port", { ...SMPP, Port: "27x5" }, 21801, "Invalid parameter Port: Port must be a whole number from 1 to 65535"],
    ["a Port out of range", { ...SMPP, Port: "70000" }, 21801, "Invalid parameter Port: Port must be a whole number from 1 to 65535"],
    ["no Password", { ...SMPP, Password: "" }, 21800, "Missing required parameter Password in the post body"],
    ["no Host", { ...SMPP, Host: "" }, 21800, "Missing required parameter Host in the post body"],
    ["a URL as Host", { ...SMPP, Host: "smpp://x:2775" }, 21801, "Invalid parameter Host: Enter a host name or IP address (no scheme, no port)"],
    ["a bad BindMode", { ...SMPP, BindMode: "receiver" }, 21801, "Invalid parameter BindMode: Bind mode must be transceiver or transmitter_receiver"],
    ["a zero WindowSize", { ...SMPP, WindowSize: "0" }, 21801, "Invalid parameter WindowSize: Window size must be a whole number from 1 to 1000"],
    ["a bad Concatenation", { ...SMPP, Concatenation: "udh7" }, 21801, "Invalid parameter Concatenation: Concatenation must be udh8, udh16 or message_payload"],
    ["a TON out of range", { ...SMPP, SourceTonAlpha: "9" }, 21801, "Invalid parameter SourceTonAlpha: Alphanumeric source TON must be a whole number from 0 to 6"],
    ["no AuthToken", { ...TWILIO, AuthToken: "" }, 21800, "Missing required parameter AuthToken in the post body"],
    ["a bad upstream AccountSid", { ...TWILIO, AccountSid: "AC123" }, 21801, "Invalid parameter AccountSid: Enter the upstream Account SID: AC followed by 32 hex digits"],
    ["a non-http BaseUrl", { ...TWILIO, BaseUrl: "ftp://api" }, 21801, "Invalid parameter BaseUrl: Enter an absolute http(s) URL, such as https://api.twilio.com"],
  ])("refuses %s", async (_what, form, code, message) => {
    const me = await caller();
    const { status, body } = await call(me, carriers.POST, { form });
    expect(status).toBe(400);
    expect(body).toEqual({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: 400 });
    expect(await db.carrier.count({ where: { accountSid: me.accountSid } })).toBe(0);
  });

  it("updates: omitted password keeps the stored one, given fields merge, Type cannot change", async () => {
    const me = await caller();
    const sid = (await call(me, carriers.POST, { form: { ...SMPP, Throughput: "50" } })).body.sid as string;
    const params = { sid };
    const up = await call(me, carrier.POST, { form: { FriendlyName: "Renamed", WindowSize: "3", Enabled: "false" }, params });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ friendly_name: "Renamed", window_size: 3, throughput: 50, host: SMPP.Host, enabled: false, state: "unbound" });
    const row = await db.carrier.findUniqueOrThrow({ where: { sid } });
    expect(openSecret(row.secret!, carrierSecretPurpose(sid))).toBe(SMPP.Password);
    await call(me, carrier.POST, { form: { Password: "n3w" }, params });
    const after = await db.carrier.findUniqueOrThrow({ where: { sid } });
    expect(openSecret(after.secret!, carrierSecretPurpose(sid))).toBe("n3w");
    const typeChange = await call(me, carrier.POST, { form: { Type: "twilio" }, params });
    expect(typeChange.body).toMatchObject({ status: 400, code: 21801 });
    const badPort = await call(me, carrier.POST, { form: { Port: "abc" }, params });
    expect(badPort.body).toMatchObject({ status: 400, code: 21801, message: "Invalid parameter Port: Port must be a whole number from 1 to 65535" });
    expect((await call(me, carrier.GET, { params })).body).toMatchObject({ friendly_name: "Renamed", port: 2775 });
  });

  it("exactly one default: IsDefault moves it, also under concurrent updates", async () => {
    const me = await caller();
    const a = (await call(me, carriers.POST, { form: { ...SMPP, IsDefault: "true" } })).body.sid as string;
    const b = (await call(me, carriers.POST, { form: { ...TWILIO, IsDefault: "true" } })).body.sid as string;
    const defaults = async () => (await db.carrier.findMany({ where: { accountSid: me.accountSid, isDefault: true } })).map((c) => c.sid);
    expect(await defaults()).toEqual([b]);
    await call(me, carrier.POST, { form: { IsDefault: "true" }, params: { sid: a } });
    expect(await defaults()).toEqual([a]);
    const c = await createCarrier(me.accountSid, { type: "twilio", friendlyName: "c", baseUrl: TWILIO.BaseUrl, upstreamAccountSid: TWILIO.AccountSid, authToken: "t" });
    await Promise.all([a, b, c.sid].map((sid) => updateCarrier(me.accountSid, sid, { isDefault: true })));
    expect(await defaults()).toHaveLength(1);
    // Another account's default is untouched by ours.
    const other = await caller();
    await call(other, carriers.POST, { form: { ...SMPP, IsDefault: "true" } });
    expect(await defaults()).toHaveLength(1);
  });

  it("lists with the v1 envelope and paging", async () => {
    const me = await caller();
    for (const n of [1, 2, 3]) await call(me, carriers.POST, { form: { ...SMPP, FriendlyName: `C${n}` } });
    const page0 = await call(me, carriers.GET, { query: "?PageSize=2" });
    expect(page0.status).toBe(200);
    const meta = page0.body.meta as Json;
    expect(meta).toMatchObject({ key: "carriers", page: 0, page_size: 2 });
    expect(meta.next_page_url).toMatch(/\/v1\/Carriers\?PageSize=2&Page=1&PageToken=PT1$/);
    expect((page0.body.carriers as Json[]).map((c) => c.friendly_name)).toEqual(["C1", "C2"]);
    const page1 = await call(me, carriers.GET, { query: "?PageSize=2&Page=1" });
    expect((page1.body.carriers as Json[]).map((c) => c.friendly_name)).toEqual(["C3"]);
    expect((page1.body.meta as Json).next_page_url).toBeNull();
  });

  it("shows live state from recently updated binds", async () => {
    const me = await caller();
    const sid = (await call(me, carriers.POST, { form: { ...SMPP, Binds: "2" } })).body.sid as string;
    const now = Date.now();
    const report = new Date(now - 3_000);
    await db.carrierBind.createMany({
      data: [
        { carrierSid: sid, processId: "h:1", bindIndex: 0, state: "error", lastError: "bind_transceiver: ESME_RINVPASWD (0x0000000E)", lastErrorAt: new Date(now - 1_000), reconnects: 4, updatedAt: new Date(now - 500) },
        { carrierSid: sid, processId: "h:1", bindIndex: 1, state: "error", lastError: "older", lastErrorAt: new Date(now - 5_000), reconnects: 1, lastReportAt: report, updatedAt: new Date(now - 500) },
        { carrierSid: sid, processId: "gone:2", bindIndex: 0, state: "bound", mpsOut: 99, updatedAt: new Date(now - 60_000) },
      ],
    });
    const { body } = await call(me, carrier.GET, { params: { sid } });
    expect(body).toMatchObject({ state: "error", last_error: "bind_transceiver: ESME_RINVPASWD (0x0000000E)", binds_bound: 0, mps_out: 0, reconnects: 5 });
    expect(body.last_delivery_report_at).toBe(report.toISOString().replace(/\.\d{3}Z$/, "Z"));
    await db.carrierBind.update({
      where: { carrierSid_processId_bindIndex: { carrierSid: sid, processId: "h:1", bindIndex: 1 } },
      data: { state: "bound", lastError: null, mpsOut: 12.5, mpsIn: 3, windowInUse: 4, queueDepth: 7, updatedAt: new Date() },
    });
    const bound = (await call(me, carrier.GET, { params: { sid } })).body;
    expect(bound).toMatchObject({ state: "bound", binds_bound: 1, mps_out: 12.5, mps_in: 3, window_in_use: 4, queue_depth: 7 });
  });

  it("another account's carrier is 20404; its list is empty", async () => {
    const me = await caller();
    const sid = (await call(me, carriers.POST, { form: SMPP })).body.sid as string;
    const intruder = await caller();
    for (const res of [
      await call(intruder, carrier.GET, { params: { sid } }),
      await call(intruder, carrier.POST, { form: { FriendlyName: "Hacked" }, params: { sid } }),
      await call(intruder, carrier.DELETE, { method: "DELETE", params: { sid } }),
    ]) {
      expect(res.body).toMatchObject({ status: 404, code: 20404 });
    }
    expect((await call(intruder, carriers.GET)).body.carriers).toEqual([]);
    expect((await call(me, carrier.GET, { params: { sid } })).body.friendly_name).toBe("SMSC one");
    const noAuth = await call({ ...me, auth: "Basic " + Buffer.from(`${me.accountSid}:wrong`).toString("base64") }, carriers.GET);
    expect(noAuth.body).toMatchObject({ status: 401, code: 20003 });
  });
});

describe("/v1/CarrierRoutes and sender bindings", () => {
  it("creates, lists, updates and deletes prefix routes; refuses bad and foreign input", async () => {
    const me = await caller();
    const a = (await call(me, carriers.POST, { form: SMPP })).body.sid as string;
    const b = (await call(me, carriers.POST, { form: TWILIO })).body.sid as string;
    const created = await call(me, routes.POST, { form: { Prefix: "+44", CarrierSids: `${b}, ${a}` } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ account_sid: me.accountSid, prefix: "+44", carrier_sids: [b, a] });
    const sid = created.body.sid as string;
    expect(sid).toMatch(/^CQ[0-9a-f]{32}$/);
    expect(created.body.url).toBe(`http://localhost:3000/v1/CarrierRoutes/${sid}`);

    const dup = await call(me, routes.POST, { form: { Prefix: "+44", CarrierSids: a } });
    expect(dup.body).toMatchObject({ status: 400, code: 21803 });
    const other = await caller();
    const foreign = (await call(other, carriers.POST, { form: SMPP })).body.sid as string;
    const bad = await call(me, routes.POST, { form: { Prefix: "+4474", CarrierSids: `${a},${foreign}` } });
    expect(bad.body).toMatchObject({ status: 400, code: 21802, message: `Invalid parameter CarrierSid: ${foreign} is not a carrier of this account` });
    expect((await call(me, routes.POST, { form: { Prefix: "44", CarrierSids: a } })).body).toMatchObject({ code: 21801, message: "Invalid parameter Prefix: Prefix must be + and 1 to 15 digits, such as +44" });
    expect((await call(me, routes.POST, { form: { Prefix: "+1" } })).body).toMatchObject({ code: 21800, message: "Missing required parameter CarrierSids in the post body" });
    expect((await call(me, routes.POST, { form: { Prefix: "+1", CarrierSids: `${a},${a}` } })).body).toMatchObject({ code: 21801 });

    const updated = await call(me, route.POST, { form: { CarrierSids: a }, params: { sid } });
    expect(updated.body).toMatchObject({ prefix: "+44", carrier_sids: [a] });
    await call(me, routes.POST, { form: { Prefix: "+1", CarrierSids: b } });
    // Moving a route onto another's prefix, or onto a foreign carrier, changes nothing.
    expect((await call(me, route.POST, { form: { Prefix: "+1" }, params: { sid } })).body).toMatchObject({ status: 400, code: 21803 });
    expect((await call(me, route.POST, { form: { CarrierSids: foreign }, params: { sid } })).body).toMatchObject({ status: 400, code: 21802 });
    expect((await call(me, route.GET, { params: { sid } })).body).toMatchObject({ prefix: "+44", carrier_sids: [a] });
    const list = await call(me, routes.GET);
    expect((list.body.meta as Json).key).toBe("carrier_routes");
    expect((list.body.carrier_routes as Json[]).map((r) => r.prefix)).toEqual(["+1", "+44"]);
    expect((await call(other, route.GET, { params: { sid } })).body).toMatchObject({ status: 404, code: 20404 });
    expect((await call(other, route.DELETE, { method: "DELETE", params: { sid } })).body).toMatchObject({ status: 404 });
    expect((await call(me, route.DELETE, { method: "DELETE", params: { sid } })).status).toBe(204);
    expect((await call(me, route.GET, { params: { sid } })).body).toMatchObject({ status: 404 });
  });

  it("CarrierSid on IncomingPhoneNumbers and short codes; deleting the carrier unbinds them and leaves routes, in one go", async () => {
    const me = await caller();
    const a = (await call(me, carriers.POST, { form: SMPP })).body.sid as string;
    const b = (await call(me, carriers.POST, { form: TWILIO })).body.sid as string;
    const n = await ownNumber(me.accountSid);
    const sc = await createShortCode(me.accountSid, { shortCode: String(10000 + Math.floor(Math.random() * 89999)), isoCountry: "GB" });
    const pn = await call(me, incomingNumber.POST, { form: { CarrierSid: a }, params: { accountSid: me.accountSid, sid: `${n.sid}.json` } });
    expect(pn.status).toBe(200);
    expect(pn.body).toMatchObject({ sid: n.sid, carrier_sid: a });
    const s = await call(me, shortCode.POST, { form: { CarrierSid: a }, params: { accountSid: me.accountSid, sid: `${sc.sid}.json` } });
    expect(s.body).toMatchObject({ sid: sc.sid, carrier_sid: a });

    const other = await caller();
    const foreign = (await call(other, carriers.POST, { form: SMPP })).body.sid as string;
    const refused = await call(me, incomingNumber.POST, { form: { CarrierSid: foreign, FriendlyName: "changed" }, params: { accountSid: me.accountSid, sid: n.sid } });
    expect(refused.body).toMatchObject({ status: 400, code: 21802 });
    // Refused as a whole: the friendly name did not change either.
    expect((await db.phoneNumber.findUniqueOrThrow({ where: { sid: n.sid } })).friendlyName).not.toBe("changed");
    expect((await call(me, shortCode.POST, { form: { CarrierSid: "CRnope" }, params: { accountSid: me.accountSid, sid: sc.sid } })).body).toMatchObject({ code: 21802 });

    await call(me, routes.POST, { form: { Prefix: "+44", CarrierSids: `${a},${b}` } });
    await call(me, routes.POST, { form: { Prefix: "+33", CarrierSids: a } });
    expect((await call(me, carrier.DELETE, { method: "DELETE", params: { sid: a } })).status).toBe(204);
    expect((await db.phoneNumber.findUniqueOrThrow({ where: { sid: n.sid } })).carrierSid).toBeNull();
    expect((await db.shortCode.findUniqueOrThrow({ where: { sid: sc.sid } })).carrierSid).toBeNull();
    const left = await db.carrierRoute.findMany({ where: { accountSid: me.accountSid }, orderBy: { prefix: "asc" } });
    expect(left.map((r) => [r.prefix, r.carrierSids])).toEqual([["+44", [b]]]);

    // Blank CarrierSid goes back to the account default.
    await call(me, incomingNumber.POST, { form: { CarrierSid: b }, params: { accountSid: me.accountSid, sid: n.sid } });
    const cleared = await call(me, incomingNumber.POST, { form: { CarrierSid: "" }, params: { accountSid: me.accountSid, sid: n.sid } });
    expect(cleared.body).toMatchObject({ carrier_sid: null });
  });
});
