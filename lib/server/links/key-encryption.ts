import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "@/lib/server/config";

/**
 * Private keys of link-domain certificates are stored encrypted (AES-256-GCM).
 * The 256-bit key is derived with HKDF-SHA256 from a server secret:
 * LINK_KEY_SECRET when set, else NEXTAUTH_SECRET (which `npm start` generates
 * once into .data/nextauth-secret). Rotating that secret makes stored keys
 * unreadable: re-upload the certificates (docs/decisions.md "Link Shortening").
 * Format: "v1:" + base64url(12-byte IV | 16-byte tag | ciphertext).
 */
const SALT = "switchyard/link-domain-keys";
const INFO = "aes-256-gcm v1";

function serverSecret(): string {
  const s = config().LINK_KEY_SECRET || config().NEXTAUTH_SECRET;
  if (!s) throw new Error("LINK_KEY_SECRET (or NEXTAUTH_SECRET) must be set to store certificate keys");
  return s;
}

function derivedKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
}

export function encryptPrivateKey(pem: string, secret = serverSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(secret), iv);
  const ct = Buffer.concat([cipher.update(pem, "utf8"), cipher.final()]);
  return "v1:" + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64url");
}

export function decryptPrivateKey(stored: string, secret = serverSecret()): string {
  if (!stored.startsWith("v1:")) throw new Error("unknown private key format");
  const raw = Buffer.from(stored.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
