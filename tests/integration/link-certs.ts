import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Real certificates for tests, made by the openssl CLI (P-256 keys, fast):
 * a self-signed certificate with the given CN and DNS SANs, valid `days`.
 */
export function makeCertificate(opts: { cn: string; sans?: string[]; days?: number }): { cert: string; key: string; bundle: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "link-cert-"));
  try {
    const args = [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
      "-days", String(opts.days ?? 30), "-subj", `/CN=${opts.cn}`,
    ];
    if (opts.sans?.length) args.push("-addext", `subjectAltName=${opts.sans.map((s) => `DNS:${s}`).join(",")}`);
    execFileSync("openssl", args, { stdio: "ignore" });
    const cert = readFileSync(path.join(dir, "cert.pem"), "utf8");
    const key = readFileSync(path.join(dir, "key.pem"), "utf8");
    return { cert, key, bundle: cert + key };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
