import { authenticate } from "@/lib/server/api/credentials";
import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { apiHandler, json, noContent } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { domainCertResource } from "@/lib/server/api/resources/link-shortening";
import { domainCertificates, getDomain } from "@/lib/server/services/links/domain-queries";
import { CERT_PARAMS, certificateSchema } from "@/lib/server/services/links/domain-schema";
import { deleteCertificates, uploadCertificate } from "@/lib/server/services/links/upload-certificate";

type Ctx = { params: Promise<{ domainSid: string }> };

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const domain = await getDomain(accountSid, (await params).domainSid);
  const certs = await domainCertificates(domain.sid);
  if (!certs.active && !certs.pending) throw notFound(`No certificate uploaded for /LinkShortening/Domains/${domain.sid}`);
  return json(domainCertResource(domain, certs));
});

/** Upload (first or replacement): validated now, `cert_in_validation` until it takes over. */
export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { tlsCert } = parseParams(certificateSchema, pick(await readForm(req), CERT_PARAMS), CERT_PARAMS);
  const { domain, certs } = await uploadCertificate(accountSid, (await params).domainSid, tlsCert);
  return json(domainCertResource(domain, certs), 201);
});

export const DELETE = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  await deleteCertificates(accountSid, (await params).domainSid);
  return noContent();
});
