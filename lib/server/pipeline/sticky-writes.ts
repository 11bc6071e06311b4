import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";

/** A sticky mapping to write (senderSid) or remove (senderSid null), as routing decided. */
export interface StickyChange {
  serviceSid: string;
  channel: string;
  recipient: string;
  senderSid: string | null;
}

/**
 * Sticky writes of concurrent dispatches in one statement: with Sticky
 * Sender on (the default) every first message to a recipient writes a
 * mapping, so one commit each would cap throughput. Two changes of one
 * mapping never share a statement (keyOf), so the later one wins.
 */
async function applyStickyChanges(changes: StickyChange[]): Promise<void[]> {
  await db.$executeRaw(Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS t("serviceSid" text, channel text, recipient text, "senderSid" text)
    ), del AS (
      DELETE FROM sticky_mappings sm USING input i
       WHERE i."senderSid" IS NULL AND sm.service_sid = i."serviceSid" AND sm.channel = i.channel AND sm.recipient = i.recipient
    )
    INSERT INTO sticky_mappings (service_sid, channel, recipient, sender_sid, created_at, updated_at)
    SELECT "serviceSid", channel, recipient, "senderSid", now(), now() FROM input WHERE "senderSid" IS NOT NULL
    ON CONFLICT (service_sid, channel, recipient) DO UPDATE SET sender_sid = EXCLUDED.sender_sid, updated_at = now()`);
  return changes.map(() => undefined);
}

export const writeSticky = coalesce<StickyChange, void>({
  maxBatch: 200,
  maxInFlight: 2,
  run: applyStickyChanges,
  keyOf: (c) => `${c.serviceSid}\u0000${c.channel}\u0000${c.recipient}`,
});
