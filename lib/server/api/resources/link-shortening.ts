import { isoDate } from "@/lib/server/api/dates";
import { publicBaseUrl } from "@/lib/server/api/pagination";
import type { DomainCertificates, LinkDomainRow } from "@/lib/server/services/links/domain-queries";

/** Wire shapes of the v1 LinkShortening resources (docs/wire-contract.md "Link Shortening resources"; twilio-node 6.2 reads exactly these keys). */
const base = (domainSid: string) => `${publicBaseUrl()}/v1/LinkShortening/Domains/${domainSid}`;

/** The domain as a URI, the form Twilio's description gives the Certificate (and RequestManagedCert) domain_name. */
export const domainOrigin = (d: LinkDomainRow) => `${d.disableHttps ? "http" : "https"}://${d.domainName}`;

/** Extension (Twilio has no Domains collection): what POST/GET /v1/LinkShortening/Domains answer. */
export function domainResource(d: LinkDomainRow) {
  const url = base(d.sid);
  return {
    sid: d.sid,
    account_sid: d.accountSid,
    domain_name: d.domainName,
    date_created: isoDate(d.createdAt),
    date_updated: isoDate(d.updatedAt),
    url,
    links: { certificate: `${url}/Certificate`, config: `${url}/Config`, validate_dns: `${url}/ValidateDns` },
  };
}

export function domainCertResource(d: LinkDomainRow, certs: DomainCertificates) {
  const shown = certs.active ?? certs.pending;
  return {
    domain_sid: d.sid,
    certificate_sid: shown?.sid ?? null,
    // The description types it as a URI (twilio-oai domain_cert_v4): the origin links are served from.
    domain_name: domainOrigin(d),
    date_created: isoDate(shown?.createdAt),
    date_updated: isoDate(shown?.updatedAt),
    date_expires: isoDate(certs.active?.notAfter),
    url: `${base(d.sid)}/Certificate`,
    cert_in_validation: certs.pending
      ? { certificate_sid: certs.pending.sid, status: "pending", date_expires: isoDate(certs.pending.notAfter), date_created: isoDate(certs.pending.createdAt) }
      : null,
  };
}

export function domainConfigResource(d: LinkDomainRow) {
  return {
    domain_sid: d.sid,
    config_sid: d.configSid,
    fallback_url: d.fallbackUrl,
    callback_url: d.callbackUrl,
    continue_on_failure: d.continueOnFailure,
    disable_https: d.disableHttps,
    date_created: isoDate(d.configCreatedAt),
    date_updated: isoDate(d.configUpdatedAt),
    url: `${base(d.sid)}/Config`,
  };
}

export function domainConfigServiceResource(d: LinkDomainRow, serviceSid: string) {
  return {
    domain_sid: d.sid,
    config_sid: d.configSid,
    messaging_service_sid: serviceSid,
    fallback_url: d.fallbackUrl,
    callback_url: d.callbackUrl,
    continue_on_failure: d.continueOnFailure,
    date_created: isoDate(d.configCreatedAt),
    date_updated: isoDate(d.configUpdatedAt),
    url: `${publicBaseUrl()}/v1/LinkShortening/MessagingService/${serviceSid}/DomainConfig`,
  };
}

export function domainServiceResource(domainSid: string, serviceSid: string) {
  return { domain_sid: domainSid, messaging_service_sid: serviceSid, url: `${base(domainSid)}/MessagingServices/${serviceSid}` };
}

export function serviceDomainResource(domainSid: string, serviceSid: string) {
  return { domain_sid: domainSid, messaging_service_sid: serviceSid, url: `${publicBaseUrl()}/v1/LinkShortening/MessagingServices/${serviceSid}/Domain` };
}

/** RequestManagedCert: the certificate resource plus managed / requesting (issued but not yet active). */
export function requestManagedCertResource(d: LinkDomainRow & { managedCert: boolean }, certs: DomainCertificates) {
  const { cert_in_validation: pending, ...cert } = domainCertResource(d, certs);
  return { ...cert, managed: d.managedCert, requesting: pending !== null };
}
