import { randomBytes, randomFillSync } from "node:crypto";
import { makeSid, type SidPrefix } from "@/lib/core/ids";

/**
 * SIDs take their 16 bytes from a pool refilled 4 KiB at a time: one
 * getrandom call per 256 SIDs instead of one per SID (on the send hot path
 * that call alone was ~7% of the front server's CPU). Node pools entropy for
 * randomUUID the same way. Secrets still get their own call.
 */
const pool = Buffer.alloc(4096);
let offset = pool.length;

export function newSid(prefix: SidPrefix): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const sid = makeSid(prefix, pool.subarray(offset, offset + 16));
  offset += 16;
  return sid;
}

export function newSecret(): string {
  return randomBytes(16).toString("hex");
}
