import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Managed certificates live 90 days, as ACME-issued ones do. */
export const MANAGED_CERT_DAYS = 90;

/**
 * The simulated managed CA: a real P-256 certificate for the domain (CN and
 * DNS SAN), self-signed by the openssl CLI, returned as the PEM bundle an
 * upload takes. Real enough for the link server to serve it over TLS; not
 * trusted by browsers, which is what "simulated" means here (docs/api.md).
 */
export async function issueManagedCertificate(domainName: string): Promise<string> {
  if (!/^[a-z0-9.-]+$/i.test(domainName)) throw new Error(`not a domain name: ${domainName}`);
  const dir = await mkdtemp(path.join(tmpdir(), "managed-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    await run("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", key, "-out", cert, "-days", String(MANAGED_CERT_DAYS),
      "-subj", `/CN=${domainName}`, "-addext", `subjectAltName=DNS:${domainName}`,
    ]);
    return (await readFile(cert, "utf8")) + (await readFile(key, "utf8"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
