import { issueManagedCertificate } from "@/lib/server/links/issue-managed-certificate";
import { getDomain } from "./domain-queries";
import { uploadCertificate } from "./upload-certificate";

/**
 * RequestManagedCert: the simulated managed CA issues a certificate for the
 * domain, which then goes through the same validation and promotion as an
 * upload (pending until the promotion job makes it active); the domain is
 * marked managed in the same transaction. Another account's domain is 20404.
 */
export async function requestManagedCert(accountSid: string, domainSid: string) {
  const domain = await getDomain(accountSid, domainSid);
  const bundle = await issueManagedCertificate(domain.domainName);
  return uploadCertificate(accountSid, domainSid, bundle, { managed: true });
}
