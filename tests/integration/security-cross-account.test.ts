import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Issue 18: another account's resources answer not found everywhere. Walks
 * every REST route handler (app/v1, app/2010-04-01) with account B's
 * credentials and account A's SIDs in the path, and checks the server
 * action that reported success for another account's service.
 */
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("server-only", () => ({}));
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => session.current }));

const { db } = await import("@/lib/server/db/client");
const { migrateQueueSchema } = await import("@/lib/server/pipeline/queue-schema");
const { accountWithService, ownNumber } = await import("./pool-fixtures");
const { createAccount } = await import("@/lib/server/services/accounts/create-account");
const { setServiceDomainAction } = await import("@/lib/server/actions/link-actions");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
function findRoutes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? findRoutes(p) : e.name === "route.ts" ? [p] : [];
  });
}

let a: { accountSid: string; serviceSid: string; serviceName: string; numberSid: string; number: string };
let b: { accountSid: string; token: string; userId: string; email: string };

beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  const name = `victim-${randomBytes(6).toString("hex")}`;
  const owner = await accountWithService(name);
  const num = await ownNumber(owner.accountSid);
  a = { accountSid: owner.accountSid, serviceSid: owner.service.sid, serviceName: name, numberSid: num.sid, number: num.phoneNumber };
  const other = await createAccount({ friendlyName: "intruder", email: `in-${randomBytes(5).toString("hex")}@int.test`, password: "long-enough-pass" });
  b = { accountSid: other.account.sid, token: other.account.authToken, userId: other.user.id, email: other.user.email };
}, 120_000);

describe("cross-account", () => {
  it("every REST route with another account's SIDs: never 2xx, never its data, nothing changed", async () => {
    const auth = "Basic " + Buffer.from(`${b.accountSid}:${b.token}`).toString("base64");
    const valueFor = (name: string) =>
      name === "accountSid" ? b.accountSid : /sender|phone/i.test(name) ? (name === "phoneNumber" ? a.number : a.numberSid) : a.serviceSid;
    let walked = 0;
    for (const root of ["app/v1", "app/2010-04-01"]) {
      for (const file of findRoutes(root)) {
        const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
        const template = "/" + path.dirname(file).replace(/^app\//, "");
        const params: Record<string, string> = {};
        const urlPath = template.replace(/\[(\w+)\]/g, (_m, n: string) => encodeURIComponent((params[n] = valueFor(n))));
        const namesA = Object.keys(params).some((n) => n !== "accountSid" && n !== "country");
        for (const method of ["GET", "POST", "DELETE"]) {
          const handler = mod[method] as Handler | undefined;
          if (!handler) continue;
          const body = method === "POST" ? new URLSearchParams({ FriendlyName: "hijacked", PhoneNumberSid: a.numberSid, MessagingServiceSid: a.serviceSid, To: "+14155550100", Body: "x" }).toString() : undefined;
          const headers = new Headers({ authorization: auth, "x-switchyard-client-ip": "cross-account" });
          if (body) headers.set("content-type", "application/x-www-form-urlencoded");
          const res = await handler(new Request(`http://localhost${urlPath}`, { method, headers, body }), { params: Promise.resolve(params) });
          const text = await res.text();
          const label = `${method} ${urlPath} -> ${res.status} ${text.slice(0, 150)}`;
          expect(res.status, label).toBeLessThan(500);
          if (namesA) expect([400, 401, 403, 404], label).toContain(res.status);
          expect(text, label).not.toContain(a.serviceName);
          expect(text, label).not.toContain(a.number);
          walked++;
        }
      }
    }
    expect(walked).toBeGreaterThan(50);
    const svc = await db.service.findUnique({ where: { sid: a.serviceSid } });
    expect(svc?.friendlyName).toBe(a.serviceName);
    const num = await db.phoneNumber.findUnique({ where: { sid: a.numberSid } });
    expect(num?.accountSid).toBe(a.accountSid);
    expect(num?.serviceSid ?? null).toBeNull();
  });

  it("setServiceDomainAction answers not found for another account's service", async () => {
    session.current = { expires: "", user: { id: b.userId, email: b.email, name: b.email, accountSid: b.accountSid }, signedInAt: Date.now() };
    const form = new FormData();
    form.set("serviceSid", a.serviceSid);
    form.set("domainSid", "");
    const state = await setServiceDomainAction({ ok: false, message: "", at: 0 } as never, form);
    expect(state).toMatchObject({ ok: false });
    expect(state.message).toMatch(/not found/i);
  });
});
