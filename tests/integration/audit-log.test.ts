import { randomBytes } from "node:crypto";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The audit log (docs/audit.md): a console action and an API call each
 * record one event with the right actor and only the changed fields; a
 * failed change records nothing, and an event cannot outlive its change;
 * another account's events never show; an API key's secret is never stored.
 */
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("server-only", () => ({}));
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => session.current }));
// revalidatePath needs the store of a Next request, which only exists inside Next.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/server/db/client");
const { createAccount } = await import("@/lib/server/services/accounts/create-account");
const { createService } = await import("@/lib/server/services/messaging-services/create-service");
const { updateService } = await import("@/lib/server/services/messaging-services/update-service");
const { addPhoneNumberToService } = await import("@/lib/server/services/sender-pool/add-phone-number-to-service");
const { removeSenderFromService } = await import("@/lib/server/services/sender-pool/remove-sender-from-service");
const { updateServiceAction } = await import("@/lib/server/actions/service-actions");
const { createApiKeyAction } = await import("@/lib/server/actions/settings-actions");
const { listAuditEvents } = await import("@/lib/server/services/audit/list-audit-events");
const { createCarrier } = await import("@/lib/server/services/carriers/create-carrier");
const { updateCarrier } = await import("@/lib/server/services/carriers/update-carrier");
const { ownNumber } = await import("./pool-fixtures");
const serviceRoute = await import("@/app/v1/Services/[sid]/route");
const keysRoute = await import("@/app/2010-04-01/Accounts/[accountSid]/Keys.json/route");

interface Owner {
  accountSid: string;
  token: string;
  userId: string;
  email: string;
}

async function newOwner(): Promise<Owner> {
  const { account, user } = await createAccount({ friendlyName: "audit", email: `audit-${randomBytes(5).toString("hex")}@int.test`, password: "long-enough-pass" });
  return { accountSid: account.sid, token: account.authToken, userId: user.id, email: user.email };
}

function signIn(o: Owner) {
  session.current = { expires: "", user: { id: o.userId, email: o.email, name: o.email, accountSid: o.accountSid }, signedInAt: Date.now() };
}

const basic = (user: string, pass: string) => "Basic " + Buffer.from(`${user}:${pass}`).toString("base64");

function apiRequest(url: string, auth: string, body: Record<string, string>, requestId?: string): Request {
  const headers = new Headers({ authorization: auth, "content-type": "application/x-www-form-urlencoded", "x-switchyard-client-ip": "audit-test" });
  if (requestId) headers.set("x-request-id", requestId);
  return new Request(`http://localhost${url}`, { method: "POST", headers, body: new URLSearchParams(body).toString() });
}

const eventsOf = (accountSid: string, where: Record<string, unknown> = {}) => db.auditEvent.findMany({ where: { accountSid, ...where }, orderBy: { id: "asc" } });

let a: Owner;
let b: Owner;

beforeAll(async () => {
  // Carrier secrets are sealed with this key (as the carriers tests do).
  process.env.SECRETS_KEY ??= "audit-test-secret";
  a = await newOwner();
  b = await newOwner();
}, 120_000);

describe("audit log", () => {
  it("a console action records one event: the signed-in user, source console, only the changed field", async () => {
    const service = await createService(a.accountSid, { friendlyName: "Before name", usecase: "notifications" });
    signIn(a);
    const form = new FormData();
    form.set("sid", service.sid);
    form.set("friendlyName", "After name");
    form.set("usecase", "notifications");
    const state = await updateServiceAction({ ok: false, message: "", at: 0 }, form);
    expect(state.ok, state.message).toBe(true);
    const events = await eventsOf(a.accountSid, { resourceSid: service.sid, action: "service.update" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "user",
      actorId: a.userId,
      actorLabel: a.email,
      source: "console",
      resourceType: "service",
      before: { friendlyName: "Before name" },
      after: { friendlyName: "After name" },
    });
  });

  it("an API call records one event: the credential, source api, the request id", async () => {
    const service = await createService(a.accountSid, { friendlyName: "Api before" });
    const requestId = `req-${randomBytes(4).toString("hex")}`;
    const res = await serviceRoute.POST(apiRequest(`/v1/Services/${service.sid}`, basic(a.accountSid, a.token), { FriendlyName: "Api after" }, requestId), {
      params: Promise.resolve({ sid: service.sid }),
    });
    expect(res.status).toBe(200);
    const events = await eventsOf(a.accountSid, { resourceSid: service.sid, action: "service.update" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "account_token",
      actorId: a.accountSid,
      actorLabel: a.accountSid,
      source: "api",
      requestId,
      before: { friendlyName: "Api before" },
      after: { friendlyName: "Api after" },
    });
  });

  it("an API key is recorded as the actor, and its secret (nor its hash) never reaches the log", async () => {
    // Created over the API with the auth token (keys cannot create keys) ...
    const res = await keysRoute.POST(apiRequest(`/2010-04-01/Accounts/${a.accountSid}/Keys.json`, basic(a.accountSid, a.token), { FriendlyName: "ci" }), {
      params: Promise.resolve({ accountSid: a.accountSid }),
    });
    expect(res.status).toBe(201);
    const key = (await res.json()) as { sid: string; secret: string };
    // ... and in the console.
    signIn(a);
    const form = new FormData();
    form.set("friendlyName", "console key");
    const state = await createApiKeyAction({ ok: false, message: "", at: 0 }, form);
    expect(state.ok, state.message).toBe(true);
    const consoleSecret = String(state.data?.secret);
    const hashes = (await db.apiKey.findMany({ where: { accountSid: a.accountSid }, select: { secretHash: true } })).map((k) => k.secretHash);

    const created = await eventsOf(a.accountSid, { action: "api_key.create" });
    expect(created.map((e) => e.resourceSid)).toContain(key.sid);
    expect(created.find((e) => e.resourceSid === key.sid)).toMatchObject({ source: "api", actorType: "account_token", after: { friendlyName: "ci" } });
    expect(created.find((e) => e.resourceSid === String(state.data?.sid))).toMatchObject({ source: "console", actorLabel: a.email });

    // The key then acts: it is the actor of what it changes.
    const service = await createService(a.accountSid, { friendlyName: "Keyed" });
    const upd = await serviceRoute.POST(apiRequest(`/v1/Services/${service.sid}`, basic(key.sid, key.secret), { Usecase: "marketing" }), {
      params: Promise.resolve({ sid: service.sid }),
    });
    expect(upd.status).toBe(200);
    const [byKey] = await eventsOf(a.accountSid, { resourceSid: service.sid, action: "service.update" });
    expect(byKey).toMatchObject({ actorType: "api_key", actorId: key.sid, actorLabel: key.sid, source: "api", after: { usecase: "marketing" } });

    const all = JSON.stringify(await eventsOf(a.accountSid), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    for (const secret of [key.secret, consoleSecret, ...hashes]) expect(all).not.toContain(secret);
    expect(all).not.toContain("secretHash");
  });

  it("a carrier's new token shows as changed, redacted, never its value", async () => {
    const c = await createCarrier(a.accountSid, { type: "twilio", friendlyName: "Upstream", baseUrl: "https://api.twilio.com/", upstreamAccountSid: "AC" + "ab".repeat(16), authToken: "first-token-value" });
    await updateCarrier(a.accountSid, c.sid, { authToken: "second-token-value", friendlyName: "Upstream 2" });
    const events = await eventsOf(a.accountSid, { resourceSid: c.sid });
    expect(events.map((e) => e.action)).toEqual(["carrier.create", "carrier.update"]);
    expect(events[1]).toMatchObject({ before: { friendlyName: "Upstream", secret: "[redacted]" }, after: { friendlyName: "Upstream 2", secret: "[redacted]" } });
    const text = JSON.stringify(events.map((e) => [e.before, e.after]));
    expect(text).not.toMatch(/first-token-value|second-token-value/);
    const sealed = (await db.carrier.findUniqueOrThrow({ where: { sid: c.sid } })).secret;
    expect(text).not.toContain(sealed);
  });

  it("a failed change records nothing", async () => {
    const one = await createService(a.accountSid, { friendlyName: "Pool one" });
    const two = await createService(a.accountSid, { friendlyName: "Pool two" });
    const n = await ownNumber(a.accountSid);
    await addPhoneNumberToService(a.accountSid, one.sid, n.sid);
    const before = await db.auditEvent.count({ where: { accountSid: a.accountSid } });
    // 21712: already in another pool; 20404: not in this pool; 20404: another account's service.
    await expect(addPhoneNumberToService(a.accountSid, two.sid, n.sid)).rejects.toMatchObject({ code: 21712 });
    await expect(removeSenderFromService(a.accountSid, two.sid, n.sid)).rejects.toMatchObject({ code: 20404 });
    await expect(updateService(b.accountSid, one.sid, { friendlyName: "hijacked" })).rejects.toMatchObject({ code: 20404 });
    expect(await db.auditEvent.count({ where: { accountSid: a.accountSid } })).toBe(before);
    expect(await db.auditEvent.count({ where: { accountSid: b.accountSid } })).toBe(0);
  });

  it("an event and its change commit together: when the event cannot be written, the change is undone", async () => {
    const service = await createService(a.accountSid, { friendlyName: "Atomic" });
    // A trigger that refuses this service's events stands in for any failure of the event's insert.
    const fn = `audit_refuse_${randomBytes(4).toString("hex")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.resource_sid = '${service.sid}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      await expect(updateService(a.accountSid, service.sid, { friendlyName: "Never saved" })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON audit_events`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    expect((await db.service.findUniqueOrThrow({ where: { sid: service.sid } })).friendlyName).toBe("Atomic");
    expect(await db.auditEvent.count({ where: { resourceSid: service.sid, action: "service.update" } })).toBe(0);
  });

  it("a pool change is listed under the sender and under its service; another account never sees it", async () => {
    const service = await createService(a.accountSid, { friendlyName: "Pool audit" });
    const n = await ownNumber(a.accountSid);
    await addPhoneNumberToService(a.accountSid, service.sid, n.sid);
    await removeSenderFromService(a.accountSid, service.sid, n.sid);
    const byService = await listAuditEvents(a.accountSid, { resource: service.sid });
    expect(byService.events.map((e) => e.action)).toEqual(["sender_pool.remove", "sender_pool.add", "service.create"]);
    expect(byService.events[0]).toMatchObject({ resourceSid: n.sid, before: { serviceSid: service.sid, sender: n.phoneNumber }, after: null });
    expect((await listAuditEvents(a.accountSid, { resource: n.sid })).events.map((e) => e.action)).toEqual(["sender_pool.remove", "sender_pool.add", "phone_number.buy"]);

    for (const f of [{}, { resource: service.sid }, { resource: n.sid }, { actor: a.email }, { action: "sender_pool.add" as const }]) {
      const page = await listAuditEvents(b.accountSid, f);
      expect(page.events.filter((e) => e.resourceSid === n.sid || e.serviceSid === service.sid || e.actorLabel === a.email)).toEqual([]);
    }
  });

  it("pages by keyset both ways without gaps or repeats, and filters by action, actor and date", async () => {
    const c = await newOwner();
    const sids: string[] = [];
    for (let i = 0; i < 7; i++) sids.push((await createService(c.accountSid, { friendlyName: `Paged ${i}` })).sid);
    const seen: string[] = [];
    let page = await listAuditEvents(c.accountSid, {}, 3);
    expect(page.newer).toBeNull();
    const pages = [page];
    while (page.older) {
      page = await listAuditEvents(c.accountSid, { before: page.older }, 3);
      pages.push(page);
    }
    for (const p of pages) seen.push(...p.events.map((e) => e.resourceSid));
    expect(seen).toEqual([...sids].reverse());
    // Back from the last page towards the newest.
    const last = pages[pages.length - 1];
    const back = await listAuditEvents(c.accountSid, { after: last?.newer ?? undefined }, 3);
    expect(back.events.map((e) => e.resourceSid)).toEqual(pages[pages.length - 2]?.events.map((e) => e.resourceSid));

    expect((await listAuditEvents(c.accountSid, { action: "service.update" })).events).toEqual([]);
    expect((await listAuditEvents(c.accountSid, { action: "service.create" })).events).toHaveLength(7);
    // Created without a request: the actor is "system".
    expect((await listAuditEvents(c.accountSid, { actor: "system" })).events).toHaveLength(7);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(c.accountSid, { from: today, to: today })).events).toHaveLength(7);
    expect((await listAuditEvents(c.accountSid, { to: "2020-01-01" })).events).toEqual([]);
  });
});
