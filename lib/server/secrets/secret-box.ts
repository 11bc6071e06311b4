import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "@/lib/server/config";

/**
 * Secrets stored in the database (carrier passwords and upstream tokens) are
 * encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from the
 * server secret, one key per purpose: SECRETS_KEY when set, else
 * NEXTAUTH_SECRET (generated once into .data/ by `npm start`). Changing that
 * secret makes stored secrets unreadable: re-enter them (docs/carriers.md).
 * Format: "v1:" + base64url(12-byte IV | 16-byte tag | ciphertext).
 */
const SALT = "switchyard/secrets";

function serverSecret(): string {
  const s = config().SECRETS_KEY || config().NEXTAUTH_SECRET;
  if (!s) throw new Error("SECRETS_KEY (or NEXTAUTH_SECRET) must be set to store carrier secrets");
  return s;
}

function derivedKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, `aes-256-gcm v1 ${purpose}`, 32));
}

export function sealSecret(plain: string, purpose: string, secret = serverSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(secret, purpose), iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return "v1:" + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64url");
}

export function openSecret(stored: string, purpose: string, secret = serverSecret()): string {
  if (!stored.startsWith("v1:")) throw new Error("unknown secret format");
  const raw = Buffer.from(stored.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey(secret, purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** The purpose under which a carrier's password / token is sealed (bound to its SID, so rows cannot swap secrets). */
export const carrierSecretPurpose = (carrierSid: string) => `carrier ${carrierSid}`;
