import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import { certificateCoversDomain, commonNameOf, parseSubjectAltNames } from "@/lib/core/links/domain-name";
import { AppError } from "@/lib/server/errors";

export interface ParsedCertificate {
  /** The leaf certificate followed by any chain certificates, PEM. */
  certPem: string;
  keyPem: string;
  fingerprint: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

const CERT_RE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const KEY_RE = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

/** 30132 "Certificate cannot be validated", with the reason; the console shows it on the field. */
const invalid = (why: string) => new AppError(30132, `Certificate cannot be validated: ${why}`, 400, "tlsCert");

/**
 * Validates a PEM bundle (Twilio's TlsCert: the certificate, optional chain,
 * and the private key) for a domain with node:crypto: it parses, the key
 * matches the leaf certificate, the certificate is currently valid, and it
 * names the domain (SAN/CN and wildcard rules in lib/core/links/domain-name).
 */
export function parseCertificateBundle(pem: string, domainName: string, now: Date): ParsedCertificate {
  const certs = pem.match(CERT_RE) ?? [];
  if (certs.length === 0) throw invalid("no PEM certificate (-----BEGIN CERTIFICATE-----) found.");
  const keyMatch = pem.match(KEY_RE);
  if (!keyMatch) throw invalid("no PEM private key (-----BEGIN PRIVATE KEY-----) found; paste the certificate and its key together.");
  if (keyMatch[1] === "ENCRYPTED PRIVATE KEY") throw invalid("the private key is encrypted with a passphrase; upload it unencrypted.");

  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certs[0] as string);
    for (const c of certs.slice(1)) new X509Certificate(c);
  } catch {
    throw invalid("the certificate is not valid PEM/X.509.");
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(keyMatch[0]);
  } catch {
    throw invalid("the private key cannot be parsed.");
  }
  if (!leaf.checkPrivateKey(key)) throw invalid("the private key does not match the certificate.");
  const notBefore = new Date(leaf.validFrom);
  const notAfter = new Date(leaf.validTo);
  if (notAfter.getTime() <= now.getTime()) throw invalid(`the certificate expired on ${notAfter.toISOString()}.`);
  if (notBefore.getTime() > now.getTime()) throw invalid(`the certificate is not valid before ${notBefore.toISOString()}.`);
  const names = { dnsAltNames: parseSubjectAltNames(leaf.subjectAltName), commonName: commonNameOf(leaf.subject) };
  if (!certificateCoversDomain(domainName, names)) {
    const listed = names.dnsAltNames.length ? names.dnsAltNames.join(", ") : names.commonName ?? "no name";
    throw invalid(`it does not cover ${domainName} (it names ${listed}).`);
  }
  // Keep the key in a normalized PKCS#8 form; the public half must also match (belt and braces for EC keys).
  const keyPem = key.export({ type: "pkcs8", format: "pem" }).toString();
  if (!createPublicKey(key).equals(leaf.publicKey)) throw invalid("the private key does not match the certificate.");
  return { certPem: certs.join("\n") + "\n", keyPem, fingerprint: leaf.fingerprint256, subject: leaf.subject, notBefore, notAfter };
}
