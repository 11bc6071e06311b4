import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { createDomain } from "@/lib/server/services/links/create-domain";
import { domainCertificates } from "@/lib/server/services/links/domain-queries";
import { promoteCertificate, uploadCertificate } from "@/lib/server/services/links/upload-certificate";
import { db } from "@/lib/server/db/client";
import { makeCertificate } from "./link-certs";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { makeAccount } from "./pipeline-fixtures";

process.env.LINK_KEY_SECRET ??= "integration-link-secret";

let server: ApiServer;
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  server = await startApiServer();
});
afterAll(async () => server?.stop());

describe("v1 LinkShortening RequestManagedCert", () => {
  it("issues a real certificate for the domain: requesting until promoted, then active and managed; an upload ends managed", async () => {
    const account = await makeAccount();
    const domainName = `m${Date.now()}${Math.floor(Math.random() * 1e6)}.links.example.com`;
    const domain = await createDomain(account.sid, { domainName });
    const recorded: Recorded[] = [];
    const v1 = conformanceClient(server, account.sid, account.authToken, recorded).messaging.v1;
    const requested = await v1.requestManagedCert(domain.sid).update();
    expect(requested).toMatchObject({ domainSid: domain.sid, domainName: `https://${domainName}`, managed: true, requesting: true });
    expect(requested.certificateSid).toMatch(/^CW[0-9a-f]{32}$/);

    const pending = (await domainCertificates(domain.sid)).pending;
    expect(pending?.sid).toBe(requested.certificateSid);
    const row = await db.linkDomainCertificate.findUniqueOrThrow({ where: { sid: String(requested.certificateSid) } });
    const x509 = new X509Certificate(row.certPem);
    expect(x509.subjectAltName).toBe(`DNS:${domainName}`);
    expect(x509.validTo).toBeTruthy();

    expect(await promoteCertificate(String(requested.certificateSid))).toBe("promoted");
    const cert = await v1.domainCerts(domain.sid).fetch();
    expect(cert).toMatchObject({ certificateSid: requested.certificateSid, domainName: `https://${domainName}`, certInValidation: null });
    expect((await v1.requestManagedCert(domain.sid).update()).requesting).toBe(true);

    await uploadCertificate(account.sid, domain.sid, makeCertificate({ cn: domainName, sans: [domainName] }).bundle);
    expect((await db.linkDomain.findUniqueOrThrow({ where: { sid: domain.sid } })).managedCert).toBe(false);
    expect(nonConforming(recorded)).toEqual([]);
  });

  it("another account's domain is a 404 and gets no certificate", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    const domain = await createDomain(a.sid, { domainName: `o${Date.now()}${Math.floor(Math.random() * 1e6)}.links.example.com` });
    await expect(conformanceClient(server, b.sid, b.authToken, []).messaging.v1.requestManagedCert(domain.sid).update()).rejects.toMatchObject({ status: 404 });
    expect(await domainCertificates(domain.sid)).toMatchObject({ active: null, pending: null });
  });
});
