import { db } from "@/lib/server/db/client";

/** How long a create's idempotency key answers its first message (a client retries within minutes; Twilio keeps webhook tokens a day). */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** Forgets keys older than the TTL (run by the workers' sweep every ~10 minutes). */
export async function pruneIdempotencyKeys(): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM message_idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_KEY_TTL_HOURS} hours'`);
}
