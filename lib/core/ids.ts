/**
 * Twilio-style SIDs: a two-letter prefix and 32 lower-case hex digits.
 * Randomness is passed in so this stays pure (the server passes crypto bytes).
 */
export type SidPrefix = "AC" | "MG" | "PN" | "SC" | "AI" | "XE" | "SK" | "SM" | "MM" | "ME" | "US" | "DN" | "CW" | "ZK" | "OO" | "AL" | "CH" | "CR" | "CQ" | "BN" | "QE";

export const SID_PATTERN = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

export function makeSid(prefix: SidPrefix, random16: Uint8Array): string {
  if (random16.length < 16) throw new Error("makeSid needs 16 random bytes");
  let hex = "";
  for (let i = 0; i < 16; i++) hex += (random16[i] as number).toString(16).padStart(2, "0");
  return prefix + hex;
}

export function isSid(value: string, prefix: SidPrefix): boolean {
  return value.length === 34 && value.startsWith(prefix) && SID_PATTERN.test(value);
}
