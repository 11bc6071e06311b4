import http from "node:http";
import https from "node:https";
import { X509Certificate } from "node:crypto";
import type { AddressInfo } from "node:net";
import pg from "pg";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeBody } from "@/lib/core/encoding/encode-body";
import { LINK_LIFETIME_MS } from "@/lib/core/links/expiry";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { decryptPrivateKey } from "@/lib/server/links/key-encryption";
import { linkRequestHandler, startLinkServer } from "@/lib/server/links/link-server";
import { PgLinkStore, type LinkStore } from "@/lib/server/links/link-store";
import { parseCertificateBundle } from "@/lib/server/links/parse-certificate";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { associateService, disassociateService } from "@/lib/server/services/links/associate-service";
import { createDomain } from "@/lib/server/services/links/create-domain";
import { domainCertificates } from "@/lib/server/services/links/domain-queries";
import { updateDomainConfig } from "@/lib/server/services/links/update-domain-config";
import { promoteCertificate, uploadCertificate } from "@/lib/server/services/links/upload-certificate";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { makeCertificate } from "./link-certs";
import { addLongCode, makeAccount, makeService, startReceiver, waitFor } from "./pipeline-fixtures";

process.env.LINK_KEY_SECRET ??= "integration-link-secret";
beforeAll(async () => migrateQueueSchema(process.env.DATABASE_URL as string));
let seq = 0;
const uniqueDomain = () => `go${Date.now().toString(36)}${seq++}.example.com`;
const SHORT = (domain: string) => new RegExp(`https://${domain.replace(/\./g, "\\.")}/([0-9A-Za-z]{10})`, "g");

async function code(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error("expected an AppError");
}

/** An account with a service (and a sender), a domain with an active certificate, associated. */
async function linkSetup(config: { callbackUrl?: string; fallbackUrl?: string; continueOnFailure?: boolean; disableHttps?: boolean } = {}) {
  const account = await makeAccount();
  const service = await makeService(account.sid);
  await addLongCode(account.sid, service.sid);
  const domainName = uniqueDomain();
  const domain = await createDomain(account.sid, { domainName });
  await uploadCertificate(account.sid, domain.sid, makeCertificate({ cn: domainName, sans: [domainName] }).bundle);
  const pending = await domainCertificates(domain.sid);
  expect(await promoteCertificate(pending.pending?.sid as string)).toBe("promoted");
  if (Object.keys(config).length) await updateDomainConfig(account.sid, domain.sid, config);
  await associateService(account.sid, domain.sid, service.sid);
  return { account, service, domain, domainName };
}

describe("certificate validation (node:crypto)", () => {
  const good = makeCertificate({ cn: "links.example.com", sans: ["links.example.com"], days: 30 });
  const other = makeCertificate({ cn: "links.example.com", sans: ["links.example.com"] });
  const wildcard = makeCertificate({ cn: "ignored.example.org", sans: ["*.example.com"] });
  const cnOnly = makeCertificate({ cn: "links.example.com" });
  // notBefore is the generation second: look a little later.
  const now = new Date(Date.now() + 2_000);

  it("accepts a matching bundle and reports its dates", () => {
    const p = parseCertificateBundle(good.bundle, "links.example.com", now);
    expect(p.notAfter.getTime()).toBeGreaterThan(now.getTime() + 29 * 86_400_000);
    expect(p.keyPem).toContain("BEGIN PRIVATE KEY");
    expect(p.fingerprint).toMatch(/^[0-9A-F:]+$/);
  });
  it.each([
    ["a key that is not the certificate's", () => good.cert + other.key, "links.example.com", now, /does not match/],
    ["no key", () => good.cert, "links.example.com", now, /no PEM private key/],
    ["no certificate", () => good.key, "links.example.com", now, /no PEM certificate/],
    ["garbage inside the PEM armour", () => "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" + good.key, "links.example.com", now, /not valid PEM/],
    ["another domain", () => good.bundle, "other.example.com", now, /does not cover other\.example\.com/],
    ["expired (clock 60 days on)", () => good.bundle, "links.example.com", new Date(now.getTime() + 60 * 86_400_000), /expired/],
    ["not yet valid (clock a day back)", () => good.bundle, "links.example.com", new Date(now.getTime() - 86_400_000), /not valid before/],
    ["wildcard is one label only", () => wildcard.bundle, "a.b.example.com", now, /does not cover/],
    ["wildcard does not cover the apex", () => wildcard.bundle, "example.com", now, /does not cover/],
    ["SANs win over the CN", () => wildcard.bundle, "ignored.example.org", now, /does not cover/],
  ])("rejects %s with 30132", (_n, pem, domain, at, msg) => {
    let err: unknown;
    try {
      parseCertificateBundle(pem(), domain, at);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(30132);
    expect((err as AppError).message).toMatch(msg);
  });
  it("wildcard and CN-only certificates cover what they name", () => {
    expect(() => parseCertificateBundle(wildcard.bundle, "go.example.com", now)).not.toThrow();
    expect(() => parseCertificateBundle(cnOnly.bundle, "links.example.com", now)).not.toThrow();
  });
});

describe("domains, certificates, associations", () => {
  it("stores the key encrypted, shows a replacement as pending until it takes over", async () => {
    const account = await makeAccount();
    const domainName = uniqueDomain();
    const domain = await createDomain(account.sid, { domainName });
    expect(await code(createDomain((await makeAccount()).sid, { domainName }))).toBe(30101); // a name has one owner
    const first = makeCertificate({ cn: domainName, sans: [domainName] });
    await uploadCertificate(account.sid, domain.sid, first.bundle);
    let certs = await domainCertificates(domain.sid);
    expect(certs.active).toBeNull();
    expect(certs.pending).not.toBeNull();
    const row = await db.linkDomainCertificate.findUniqueOrThrow({ where: { sid: certs.pending?.sid } });
    expect(row.keyEncrypted).not.toContain("PRIVATE KEY");
    expect(decryptPrivateKey(row.keyEncrypted)).toContain("BEGIN PRIVATE KEY");
    expect(() => decryptPrivateKey(row.keyEncrypted, "another secret")).toThrow();
    await promoteCertificate(row.sid);
    const firstSid = row.sid;

    await uploadCertificate(account.sid, domain.sid, makeCertificate({ cn: domainName, sans: [domainName], days: 90 }).bundle);
    certs = await domainCertificates(domain.sid);
    expect(certs.active?.sid).toBe(firstSid); // the old one keeps serving
    expect(certs.pending?.sid).not.toBe(firstSid);
    expect(await promoteCertificate(certs.pending?.sid as string)).toBe("promoted");
    expect(await promoteCertificate(certs.pending?.sid as string)).toBe("skipped");
    const after = await domainCertificates(domain.sid);
    expect(after.active?.sid).toBe(certs.pending?.sid);
    expect(after.pending).toBeNull();
  });

  it("a pending certificate that expired before takeover is rejected", async () => {
    const account = await makeAccount();
    const domainName = uniqueDomain();
    const domain = await createDomain(account.sid, { domainName });
    await uploadCertificate(account.sid, domain.sid, makeCertificate({ cn: domainName, sans: [domainName], days: 1 }).bundle);
    const { pending } = await domainCertificates(domain.sid);
    expect(await promoteCertificate(pending?.sid as string, { now: new Date(Date.now() + 3 * 86_400_000) })).toBe("rejected");
    expect((await domainCertificates(domain.sid)).active).toBeNull();
  });

  it("one domain per service, many services per domain, other accounts get 404", async () => {
    const { account, service, domain } = await linkSetup();
    const second = await makeService(account.sid);
    await associateService(account.sid, domain.sid, second.sid);
    await associateService(account.sid, domain.sid, second.sid); // idempotent
    const otherDomain = await createDomain(account.sid, { domainName: uniqueDomain() });
    expect(await code(associateService(account.sid, otherDomain.sid, service.sid))).toBe(30130);
    const stranger = await makeAccount();
    expect(await code(associateService(stranger.sid, domain.sid, service.sid))).toBe(20404);
    expect(await code(updateDomainConfig(stranger.sid, domain.sid, { fallbackUrl: "https://x.example" }))).toBe(20404);
    expect(await code(disassociateService(stranger.sid, domain.sid, service.sid))).toBe(20404);
    await disassociateService(account.sid, domain.sid, service.sid);
    await associateService(account.sid, otherDomain.sid, service.sid);
  });
});

describe("ShortenUrls at create", () => {
  it("replaces every link by a unique 10-character slug and counts segments on the shortened body", async () => {
    const { account, service, domainName } = await linkSetup();
    const body = "Hi! See https://shop.example.org/a/very/long/path?utm_source=sms&utm_campaign=autumn-sale-2026 and again https://shop.example.org/a/very/long/path?utm_source=sms&utm_campaign=autumn-sale-2026 (or http://b.example.net).";
    const m = await createMessage(account.sid, { to: "+14155550100", messagingServiceSid: service.sid, body, shortenUrls: "true" });
    const slugs = [...m.body.matchAll(SHORT(domainName))].map((x) => x[1]);
    expect(slugs).toHaveLength(3);
    expect(new Set(slugs).size).toBe(3);
    expect(m.body.replace(SHORT(domainName), "L")).toBe("Hi! See L and again L (or L).");
    expect(m.numSegments).toBe(encodeBody(m.body, { smartEncoding: true }).segments);
    expect(encodeBody(body, { smartEncoding: true }).segments).toBeGreaterThan(m.numSegments);
    const links = await db.shortLink.findMany({ where: { messageSid: m.sid }, orderBy: { originalUrl: "asc" } });
    expect(links.map((l) => l.originalUrl).sort()).toEqual(
      ["http://b.example.net", "https://shop.example.org/a/very/long/path?utm_source=sms&utm_campaign=autumn-sale-2026", "https://shop.example.org/a/very/long/path?utm_source=sms&utm_campaign=autumn-sale-2026"].sort(),
    );
    expect(links.every((l) => l.recipient === "+14155550100" && l.serviceSid === service.sid)).toBe(true);
    // the same body to another recipient gets other slugs
    const m2 = await createMessage(account.sid, { to: "+14155550101", messagingServiceSid: service.sid, body, shortenUrls: true });
    const slugs2 = [...m2.body.matchAll(SHORT(domainName))].map((x) => x[1]);
    expect(slugs2.some((s) => slugs.includes(s))).toBe(false);
  });

  it("disable_https leaves the scheme out; without ShortenUrls nothing changes", async () => {
    const { account, service, domainName } = await linkSetup({ disableHttps: true });
    const m = await createMessage(account.sid, { to: "+14155550102", messagingServiceSid: service.sid, body: "go https://a.example.org/x", shortenUrls: true });
    expect(m.body).toMatch(new RegExp(`^go ${domainName.replace(/\./g, "\\.")}/[0-9A-Za-z]{10}$`));
    const plain = await createMessage(account.sid, { to: "+14155550102", messagingServiceSid: service.sid, body: "go https://a.example.org/x" });
    expect(plain.body).toBe("go https://a.example.org/x");
  });

  it("needs a service with a domain (30101) that has a validated certificate (30107)", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const num = await addLongCode(account.sid, service.sid);
    expect(await code(createMessage(account.sid, { to: "+14155550103", from: num.phoneNumber, body: "https://a.io", shortenUrls: true }))).toBe(30101);
    expect(await code(createMessage(account.sid, { to: "+14155550103", messagingServiceSid: service.sid, body: "https://a.io", shortenUrls: true }))).toBe(30101);
    const domainName = uniqueDomain();
    const domain = await createDomain(account.sid, { domainName });
    await associateService(account.sid, domain.sid, service.sid);
    await uploadCertificate(account.sid, domain.sid, makeCertificate({ cn: domainName, sans: [domainName] }).bundle); // still pending
    expect(await code(createMessage(account.sid, { to: "+14155550103", messagingServiceSid: service.sid, body: "https://a.io", shortenUrls: true }))).toBe(30107);
    expect(await db.message.count({ where: { accountSid: account.sid } })).toBe(0);
  });

  it("rate limit: the 101st request in one second fails with 20429, nothing shortened or sent; the next second works", async () => {
    const { account, service } = await linkSetup();
    const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 5_000);
    const send = (i: number, at = now) =>
      createMessage(account.sid, { to: `+1415555${String(1000 + i)}`, messagingServiceSid: service.sid, body: `n${i} https://a.example.org/${i}`, shortenUrls: true }, { now: at });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => send(i)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(100);
    expect(await code(send(100))).toBe(20429);
    expect(await db.message.count({ where: { accountSid: account.sid } })).toBe(100);
    expect(await db.shortLink.count({ where: { accountSid: account.sid } })).toBe(100);
    expect(await db.message.count({ where: { accountSid: account.sid, body: { contains: "n100 " } } })).toBe(0);
    await send(101, new Date(now.getTime() + 1000));
    expect(await db.shortLink.count({ where: { accountSid: account.sid } })).toBe(101);
  });

  it("a shortening failure sends the original links when continue_on_failure, else fails with 30103", async () => {
    // A real storage failure: a trigger refuses one URL.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_link() RETURNS trigger AS $$ BEGIN
      IF NEW.original_url LIKE '%refuse-me%' THEN RAISE EXCEPTION 'simulated outage'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER refuse_link BEFORE INSERT ON short_links FOR EACH ROW EXECUTE FUNCTION refuse_link()`);
    try {
      const a = await linkSetup({ continueOnFailure: true });
      const m = await createMessage(a.account.sid, { to: "+14155550104", messagingServiceSid: a.service.sid, body: "see https://refuse-me.example.org/x", shortenUrls: true });
      expect(m.body).toBe("see https://refuse-me.example.org/x");
      const b = await linkSetup({ continueOnFailure: false });
      expect(await code(createMessage(b.account.sid, { to: "+14155550104", messagingServiceSid: b.service.sid, body: "see https://refuse-me.example.org/x", shortenUrls: true }))).toBe(30103);
      expect(await db.message.count({ where: { accountSid: b.account.sid } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_link ON short_links`);
    }
  });
});

describe("redirects, clicks and click callbacks", () => {
  let workers: PipelineWorkers;
  let pool: pg.Pool;
  let clock = Date.now();
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 4, pollInterval: 100 });
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    const store = new PgLinkStore(pool, { domainTtlMs: 0 });
    server = http.createServer(linkRequestHandler(store, () => new Date(clock)));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await workers.stop();
    await pool.end();
  });

  const get = (host: string, path: string, ua = "test-agent/1.0") =>
    new Promise<{ status: number; location?: string; body: string }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path, headers: { host, "user-agent": ua } }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      });
      req.on("error", reject);
      req.end();
    });

  it("redirects for 90 days, records each click, then goes to the fallback URL; unknown slugs are 404", async () => {
    const receiver = await startReceiver({ failFirst: 1 });
    try {
      const { account, service, domainName, domain } = await linkSetup({ callbackUrl: receiver.url, fallbackUrl: "https://fallback.example.org/" });
      const m = await createMessage(account.sid, { to: "+14155550105", messagingServiceSid: service.sid, body: "open https://dest.example.org/page?x=1", shortenUrls: true });
      const slug = [...m.body.matchAll(SHORT(domainName))][0]?.[1] as string;
      clock = Date.now();
      const r = await get(`${domainName.toUpperCase()}:443`, `/${slug}?utm=x`);
      expect(r).toMatchObject({ status: 302, location: "https://dest.example.org/page?x=1" });
      const clicks = await db.linkClick.findMany({ where: { slug } });
      expect(clicks).toHaveLength(1); // committed before the redirect was answered
      expect(clicks[0]).toMatchObject({ messageSid: m.sid, serviceSid: service.sid, accountSid: account.sid, userAgent: "test-agent/1.0" });

      // the callback: failed once, retried, delivered once, signed, with every field
      await waitFor(async () => receiver.received.length > 0, 30_000, 100);
      await new Promise((r2) => setTimeout(r2, 300));
      expect(receiver.received).toHaveLength(1);
      const ev = receiver.received[0];
      expect(ev?.params).toEqual({
        event_type: "click",
        sms_sid: m.sid,
        to: "+14155550105",
        from: expect.any(String),
        link: "https://dest.example.org/page?x=1",
        click_time: new Date(clock).toISOString(),
        messaging_service_sid: service.sid,
        account_sid: account.sid,
        user_agent: "test-agent/1.0",
      });
      expect(twilio.validateRequest(account.authToken, String(ev?.headers["x-twilio-signature"]), receiver.url, ev?.params ?? {})).toBe(true);
      const delivered = await db.linkClick.findFirstOrThrow({ where: { slug } });
      expect(delivered.callbackAttempts).toBe(2);
      expect(delivered.callbackDeliveredAt).not.toBeNull();

      // a second click is a second event
      await get(domainName, `/${slug}`, "other-agent");
      await waitFor(async () => receiver.received.length === 2, 30_000, 100);
      expect(receiver.received[1]?.params.user_agent).toBe("other-agent");

      expect((await get(domainName, "/ZZZZZZZZZZ")).status).toBe(404);
      expect((await get(domainName, "/short")).status).toBe(404);
      expect((await get("unknown.example.org", `/${slug}`)).status).toBe(404);
      const other = await linkSetup();
      expect((await get(other.domainName, `/${slug}`)).status).toBe(404); // a slug only lives on its own domain

      clock = m.createdAt.getTime() + LINK_LIFETIME_MS - 1;
      expect((await get(domainName, `/${slug}`)).location).toBe("https://dest.example.org/page?x=1");
      clock = m.createdAt.getTime() + LINK_LIFETIME_MS;
      const before = await db.linkClick.count({ where: { slug } });
      expect(await get(domainName, `/${slug}`)).toMatchObject({ status: 302, location: "https://fallback.example.org/" });
      expect(await db.linkClick.count({ where: { slug } })).toBe(before); // expired links are not tracked
      await updateDomainConfig(account.sid, domain.sid, { fallbackUrl: null });
      const gone = await get(domainName, `/${slug}`);
      expect(gone.status).toBe(404);
      expect(gone.body).toBe("404 Not Found\n");
    } finally {
      await receiver.close();
    }
  });

  it("concurrent clicks are all committed (group commit) and none lost", async () => {
    const { account, service, domainName } = await linkSetup();
    const m = await createMessage(account.sid, { to: "+14155550106", messagingServiceSid: service.sid, body: "https://dest.example.org/", shortenUrls: true });
    const slug = [...m.body.matchAll(SHORT(domainName))][0]?.[1] as string;
    clock = Date.now();
    const answers = await Promise.all(Array.from({ length: 200 }, () => get(domainName, `/${slug}`)));
    expect(answers.every((a) => a.status === 302)).toBe(true);
    expect(await db.linkClick.count({ where: { slug } })).toBe(200);
  });
});

describe("HTTPS on link domains (SNI, the uploaded certificate)", () => {
  it("serves the active certificate, keeps it while a replacement is validated, then serves the replacement", async () => {
    const server = await startLinkServer({ connectionString: process.env.DATABASE_URL as string, httpPort: 0, httpsPort: 0, host: "127.0.0.1", certCacheMs: 0 });
    try {
      const { account, domain, domainName } = await linkSetup();
      const servedFingerprint = () =>
        new Promise<string>((resolve, reject) => {
          const req = https.request(
            { host: "127.0.0.1", port: server.httpsPort as number, servername: domainName, path: "/ZZZZZZZZZZ", headers: { host: domainName }, rejectUnauthorized: false, agent: false },
            (res) => {
              resolve((res.socket as import("node:tls").TLSSocket).getPeerCertificate().fingerprint256);
              res.resume();
            },
          );
          req.on("error", reject);
          req.end();
        });
      const active = await db.linkDomainCertificate.findFirstOrThrow({ where: { domainSid: domain.sid, state: "active" } });
      expect(await servedFingerprint()).toBe(active.fingerprint);
      const next = makeCertificate({ cn: domainName, sans: [domainName], days: 90 });
      await uploadCertificate(account.sid, domain.sid, next.bundle);
      expect(await servedFingerprint()).toBe(active.fingerprint); // no downtime, no early switch
      const { pending } = await domainCertificates(domain.sid);
      await promoteCertificate(pending?.sid as string);
      expect(await servedFingerprint()).toBe(new X509Certificate(next.cert).fingerprint256);
    } finally {
      await server.stop();
    }
  });
});

describe("link listener HTTP edges (fake store)", () => {
  it("answers 405 to other methods and 503 (not a redirect) when the click cannot be stored", async () => {
    const link = { slug: "AbCdEf1234", domainSid: "DN1", accountSid: "AC1", serviceSid: "MG1", messageSid: "SM1", originalUrl: "https://x.example/", createdAt: new Date() };
    const store: LinkStore = {
      domain: async (host) => (host === "go.example.com" ? { sid: "DN1", accountSid: "AC1", fallbackUrl: null, callbackUrl: null } : null),
      link: async (slug) => (slug === link.slug ? link : null),
      recordClick: async () => {
        throw new Error("database down");
      },
    };
    const server = http.createServer(linkRequestHandler(store));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const p = (server.address() as AddressInfo).port;
    const call = (method: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port: p, method, path: `/${link.slug}`, headers: { host: "go.example.com" } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    try {
      expect(await call("POST")).toBe(405);
      const errors = console.error;
      console.error = () => undefined;
      try {
        expect(await call("GET")).toBe(503);
      } finally {
        console.error = errors;
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
