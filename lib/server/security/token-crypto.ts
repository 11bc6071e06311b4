import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { config } from "@/lib/server/config";

/**
 * Auth tokens at rest (docs/security.md "Secrets at rest"): AES-256-GCM
 * with a key from the environment, stored as
 * `v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url). The key id (8 hex of
 * the key's SHA-256) picks the key on decryption, so a rotation only adds a
 * key: `SWITCHYARD_TOKEN_KEY` encrypts, `SWITCHYARD_TOKEN_KEYS_PREVIOUS`
 * (comma-separated) still decrypts until reEncryptAuthTokens() has run.
 * A value without the prefix is a token stored before encryption (or with
 * no key configured) and is read as it is. This is the one place that
 * uses those variables (read through lib/server/config.ts).
 */
const PREFIX = "v1:";

interface TokenKey {
  id: string;
  key: Buffer;
}

function parseKey(raw: string): TokenKey {
  const key = Buffer.from(raw.trim(), "base64");
  if (key.length !== 32) throw new Error("SWITCHYARD_TOKEN_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

let memo: { raw: string; current: TokenKey | null; all: Map<string, TokenKey> } | null = null;
function keys() {
  const cur = config().SWITCHYARD_TOKEN_KEY ?? "";
  const prev = config().SWITCHYARD_TOKEN_KEYS_PREVIOUS ?? "";
  const raw = `${cur}|${prev}`;
  if (memo?.raw === raw) return memo;
  const current = cur ? parseKey(cur) : null;
  const all = new Map<string, TokenKey>();
  for (const k of [current, ...prev.split(",").filter((s) => s.trim()).map(parseKey)]) if (k) all.set(k.id, k);
  memo = { raw, current, all };
  return memo;
}

export function tokenEncryptionConfigured(): boolean {
  return keys().current !== null;
}

/** The value to store for a token: encrypted with the current key, or as it is when no key is configured. */
export function encryptToken(token: string): string {
  const k = keys().current;
  if (!k) return token;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k.key, iv);
  const ct = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [PREFIX + k.id, iv.toString("base64url"), ct.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(":");
}

/** The token from a stored value; throws when it was encrypted with a key this process does not have. */
export function decryptToken(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [, id, iv, ct, tag] = stored.split(":");
  const k = keys().all.get(id ?? "");
  if (!k || !iv || ct === undefined || !tag) throw new Error(`auth token encrypted with key ${id}, which is not configured (SWITCHYARD_TOKEN_KEY / SWITCHYARD_TOKEN_KEYS_PREVIOUS)`);
  const decipher = createDecipheriv("aes-256-gcm", k.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/** True when the stored value should be rewritten: plaintext, or under a key other than the current one. */
export function needsReEncryption(stored: string): boolean {
  const k = keys().current;
  return k !== null && !stored.startsWith(`${PREFIX}${k.id}:`);
}
