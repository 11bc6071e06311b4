import twilio from "twilio";
import { test, expect } from "../fixtures/test";
import { createTestAccount, e2eDb } from "../fixtures/db";
import { hostGet, makeCertificate, rest, seedSendingService, startHookReceiver, uniqueDomain } from "../fixtures/links";
import { twilioClient } from "../fixtures/twilio-client";
import { baseURL } from "../../playwright.config";

const port = new URL(baseURL).port;

async function restError(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { status: number; code: number; message: string };
  }
  throw new Error("expected a RestException");
}

test("LinkShortening v1 through the twilio client: certificate, config, association, ShortenUrls, redirect, signed click callback", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const serviceSid = await seedSendingService(account);
  const hooks = await startHookReceiver();
  try {
    // Add a domain: a documented extension (POST /v1/LinkShortening/Domains)
    const domainName = uniqueDomain();
    const bad = await rest(account, "POST", "/v1/LinkShortening/Domains", { DomainName: "not a domain" });
    expect(bad.status).toBe(400);
    const created = await rest(account, "POST", "/v1/LinkShortening/Domains", { DomainName: domainName.toUpperCase() });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ domain_name: domainName, account_sid: account.accountSid });
    const dn = created.json.sid as string;
    expect(dn).toMatch(/^DN[0-9a-f]{32}$/);

    // Certificates: a bad one is refused with a clear reason; a good one is pending, then takes over
    const wrong = await restError(client.messaging.v1.domainCerts(dn).update({ tlsCert: makeCertificate({ cn: "other.example.com", sans: ["other.example.com"] }).bundle }));
    expect(wrong.status).toBe(400);
    expect(wrong.code).toBe(30132);
    expect(wrong.message).toContain(`does not cover ${domainName}`);
    const cert = await client.messaging.v1.domainCerts(dn).update({ tlsCert: makeCertificate({ cn: domainName, sans: [domainName] }).bundle });
    expect(cert.domainSid).toBe(dn);
    // A URI, as Twilio's description types the Certificate's domain_name (docs/api.md).
    expect(cert.domainName).toBe(`https://${domainName}`);
    expect(cert.certificateSid).toMatch(/^CW[0-9a-f]{32}$/);
    expect(cert.dateExpires).toBeNull();
    expect(cert.certInValidation).toMatchObject({ status: "pending" });
    let fetched = await client.messaging.v1.domainCerts(dn).fetch();
    for (let i = 0; fetched.certInValidation && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 200));
      fetched = await client.messaging.v1.domainCerts(dn).fetch();
    }
    expect(fetched.certInValidation).toBeNull();
    expect(fetched.dateExpires).toBeInstanceOf(Date);
    expect(fetched.certificateSid).toBe(cert.certificateSid);

    // Config
    const config = await client.messaging.v1.domainConfig(dn).update({ fallbackUrl: "https://fallback.example.org/", callbackUrl: hooks.url, continueOnFailure: false, disableHttps: false });
    expect(config).toMatchObject({ domainSid: dn, fallbackUrl: "https://fallback.example.org/", callbackUrl: hooks.url, continueOnFailure: false, disableHttps: false });
    expect(config.configSid).toMatch(/^ZK[0-9a-f]{32}$/);
    expect((await client.messaging.v1.domainConfig(dn).fetch()).callbackUrl).toBe(hooks.url);
    const badUrl = await restError(client.messaging.v1.domainConfig(dn).update({ fallbackUrl: "not-a-url" }));
    expect(badUrl.status).toBe(400);

    // Association, both read-backs
    const assoc = await client.messaging.v1.linkshorteningMessagingService(dn, serviceSid).create();
    expect(assoc).toMatchObject({ domainSid: dn, messagingServiceSid: serviceSid });
    expect(await client.messaging.v1.domainConfigMessagingService(serviceSid).fetch()).toMatchObject({ domainSid: dn, messagingServiceSid: serviceSid, callbackUrl: hooks.url, continueOnFailure: false });
    expect(await client.messaging.v1.linkshorteningMessagingServiceDomainAssociation(serviceSid).fetch()).toMatchObject({ domainSid: dn, messagingServiceSid: serviceSid });

    // Send with ShortenUrls
    const m = await client.messages.create({ to: "+14155550177", messagingServiceSid: serviceSid, body: "Your receipt: https://shop.example.org/r/12345?lang=en", shortenUrls: true });
    const match = m.body.match(new RegExp(`^Your receipt: https://${domainName.replace(/\./g, "\\.")}/([0-9A-Za-z]{10})$`));
    expect(match).not.toBeNull();
    const slug = match?.[1] as string;

    // The redirect on the dedicated listener, and on the main server (Host routing via proxy.ts)
    expect(await hostGet(domainName, `/${slug}`)).toMatchObject({ status: 302, location: "https://shop.example.org/r/12345?lang=en" });
    expect(await hostGet(domainName, `/${slug}`, Number(port), "second-click/2.0")).toMatchObject({ status: 302, location: "https://shop.example.org/r/12345?lang=en" });
    const missing = await hostGet(domainName, "/AAAAAAAAAA");
    expect(missing.status).toBe(404);

    // Each click: one signed callback with every event field
    await expect.poll(() => hooks.received.length, { timeout: 20_000 }).toBe(2);
    for (const h of hooks.received) {
      expect(twilio.validateRequest(account.authToken, String(h.headers["x-twilio-signature"]), hooks.url, h.params)).toBe(true);
      expect(h.params).toMatchObject({ event_type: "click", sms_sid: m.sid, to: "+14155550177", link: "https://shop.example.org/r/12345?lang=en", messaging_service_sid: serviceSid, account_sid: account.accountSid });
      expect(Object.keys(h.params).sort()).toEqual(["account_sid", "click_time", "event_type", "from", "link", "messaging_service_sid", "sms_sid", "to", "user_agent"]);
      expect(new Date(h.params.click_time as string).toISOString()).toBe(h.params.click_time);
    }
    expect(hooks.received.map((h) => h.params.user_agent).sort()).toEqual(["e2e-browser/1.0", "second-click/2.0"]);

    // Another account sees none of it
    const other = await createTestAccount();
    const stranger = twilioClient(other.accountSid, other.authToken);
    expect((await restError(stranger.messaging.v1.domainConfig(dn).fetch())).code).toBe(20404);
    expect((await restError(stranger.messaging.v1.domainCerts(dn).fetch())).status).toBe(404);
    expect((await restError(stranger.messaging.v1.linkshorteningMessagingService(dn, serviceSid).create())).code).toBe(20404);
    expect((await restError(stranger.messaging.v1.domainConfigMessagingService(serviceSid).fetch())).code).toBe(20404);

    // A second domain cannot take the service (30130); disassociate, then the message can no longer be shortened
    const dn2 = (await rest(account, "POST", "/v1/LinkShortening/Domains", { DomainName: uniqueDomain() })).json.sid as string;
    expect((await restError(client.messaging.v1.linkshorteningMessagingService(dn2, serviceSid).create())).code).toBe(30130);
    expect(await client.messaging.v1.linkshorteningMessagingService(dn, serviceSid).remove()).toBe(true);
    expect((await restError(client.messaging.v1.linkshorteningMessagingServiceDomainAssociation(serviceSid).fetch())).status).toBe(404);
    const noDomain = await restError(client.messages.create({ to: "+14155550177", messagingServiceSid: serviceSid, body: "https://a.example.org", shortenUrls: true }));
    expect(noDomain.code).toBe(30101);
    expect(await client.messaging.v1.domainCerts(dn).remove()).toBe(true);
  } finally {
    await hooks.close();
  }
});

test("ShortenUrls beyond 100 requests/s: 20429, nothing shortened, nothing sent", async ({ account }) => {
  const client = twilioClient(account.accountSid, account.authToken);
  const serviceSid = await seedSendingService(account);
  const domainName = uniqueDomain();
  const dn = (await rest(account, "POST", "/v1/LinkShortening/Domains", { DomainName: domainName })).json.sid as string;
  await client.messaging.v1.domainCerts(dn).update({ tlsCert: makeCertificate({ cn: domainName, sans: [domainName] }).bundle });
  await expect.poll(async () => (await client.messaging.v1.domainCerts(dn).fetch()).certInValidation, { timeout: 20_000 }).toBeNull();
  await client.messaging.v1.linkshorteningMessagingService(dn, serviceSid).create();
  // The account's current window already holds 100 requests (a window an hour ahead, so the test cannot straddle a second).
  await e2eDb().query(`INSERT INTO link_rate_windows (account_sid, window_start, count) VALUES ($1, floor(extract(epoch from now())) + 3600, 100)`, [account.accountSid]);
  const err = await restError(client.messages.create({ to: "+14155550178", messagingServiceSid: serviceSid, body: "https://a.example.org/limited", shortenUrls: true }));
  expect(err.status).toBe(429);
  expect(err.code).toBe(20429);
  const { rows } = await e2eDb().query(`SELECT (SELECT count(*)::int FROM messages WHERE account_sid = $1) AS m, (SELECT count(*)::int FROM short_links WHERE account_sid = $1) AS l`, [account.accountSid]);
  expect(rows[0]).toEqual({ m: 0, l: 0 });
  // Without ShortenUrls the account can still send
  const plain = await client.messages.create({ to: "+14155550178", messagingServiceSid: serviceSid, body: "https://a.example.org/limited" });
  expect(plain.body).toBe("https://a.example.org/limited");
});
