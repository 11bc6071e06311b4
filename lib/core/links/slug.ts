/**
 * Short-link slugs: 10 characters of [0-9A-Za-z] (Twilio's format). They are
 * drawn from random bytes passed in (crypto on the server) by rejection
 * sampling, so every character is uniformly likely: 62^10 ≈ 8.4e17 slugs.
 */
export const SLUG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const SLUG_LENGTH = 10;
/** Bytes >= this are rejected (248 = 4 * 62) so `byte % 62` stays uniform. */
const LIMIT = 248;
const SLUG_RE = /^[0-9A-Za-z]{10}$/;

export function isSlug(s: string): boolean {
  return SLUG_RE.test(s);
}

/** A slug from random bytes, or null when too many bytes were rejected (pass more). 16 bytes fail with p ≈ 1e-9. */
export function slugFromBytes(bytes: Uint8Array): string | null {
  let slug = "";
  for (const b of bytes) {
    if (b >= LIMIT) continue;
    slug += SLUG_ALPHABET[b % 62];
    if (slug.length === SLUG_LENGTH) return slug;
  }
  return null;
}
