/**
 * Link domain names: a fully qualified host name of at least two labels,
 * letters/digits/hyphens, no leading or trailing hyphen in a label, at most
 * 253 characters, stored lower-case and without a trailing dot. IP addresses
 * and single labels ("localhost") are refused: links are served by Host name.
 */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function normalizeDomainName(raw: string): string | null {
  const name = raw.trim().toLowerCase().replace(/\.$/, "");
  if (!name || name.length > 253) return null;
  const labels = name.split(".");
  if (labels.length < 2) return null;
  if (!labels.every((l) => LABEL.test(l))) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1] as string)) return null; // 10.0.0.1 is not a domain
  return name;
}

/**
 * Whether a certificate names the domain (RFC 6125): when the certificate has
 * DNS subject alternative names only those count, else the subject CN. A
 * wildcard `*.example.com` covers exactly one extra label (`a.example.com`),
 * not `example.com` itself and not `a.b.example.com`; a wildcard is only
 * honoured as the whole left-most label.
 */
export function certificateCoversDomain(domain: string, names: { dnsAltNames: string[]; commonName: string | null }): boolean {
  const candidates = names.dnsAltNames.length ? names.dnsAltNames : names.commonName ? [names.commonName] : [];
  const d = domain.toLowerCase();
  return candidates.some((raw) => {
    const n = raw.trim().toLowerCase().replace(/\.$/, "");
    if (n === d) return true;
    if (!n.startsWith("*.")) return false;
    const rest = n.slice(2);
    if (rest.includes("*") || rest.split(".").length < 2) return false;
    const dot = d.indexOf(".");
    return dot > 0 && d.slice(dot + 1) === rest;
  });
}

/** DNS names out of X509Certificate.subjectAltName ("DNS:a.com, DNS:*.b.com, IP Address:1.2.3.4"). */
export function parseSubjectAltNames(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/,\s*/)
    .filter((p) => p.startsWith("DNS:"))
    .map((p) => p.slice(4).trim());
}

/** The CN out of X509Certificate.subject ("C=US\nO=Org\nCN=example.com"). */
export function commonNameOf(subject: string): string | null {
  for (const line of subject.split("\n")) if (line.startsWith("CN=")) return line.slice(3).trim();
  return null;
}
