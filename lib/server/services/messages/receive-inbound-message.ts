import { encodeBody } from "@/lib/core/encoding/encode-body";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { messageColumns, type Message } from "./message-columns";
import { messageError } from "./message-errors";
import { parseRecipient } from "./parse-recipient";

export interface InboundInput {
  from: string;
  /** One of our senders: a number, short code or channel address. */
  to: string;
  body?: string;
  mediaUrls?: string[];
}

/**
 * A message arriving from a carrier: stored as `inbound` / `received` on the
 * account that owns the `To` sender (and its service, if the sender is in
 * one). `accountSid`, when given, must be that owner (the simulator's
 * control API only lets an account inject to its own numbers).
 * Extension point: webhooks and opt-out keywords hook in after the insert.
 */
export async function receiveInboundMessage(input: InboundInput, opts: { accountSid?: string } = {}): Promise<Message> {
  const from = input.from.trim();
  const to = input.to.trim();
  if (!from) throw new AppError(21212, "From is required", 400);
  if (!parseRecipient(from) && !/^\d{3,8}$/.test(from)) throw messageError(21212);
  const owners = await db.$queryRaw<{ sid: string; account_sid: string; service_sid: string | null }[]>(Prisma.sql`
    SELECT sid, account_sid, service_sid FROM phone_numbers WHERE phone_number = ${to}
    UNION ALL SELECT sid, account_sid, service_sid FROM short_codes WHERE short_code = ${to}
    UNION ALL SELECT sid, account_sid, service_sid FROM channel_senders WHERE sender = ${to}
    LIMIT 1`);
  const owner = owners[0];
  if (!owner || (opts.accountSid && owner.account_sid !== opts.accountSid)) {
    throw new AppError(21211, `'To' ${to} is not a number of this account`, 404);
  }
  const body = input.body ?? "";
  const mediaUrls = input.mediaUrls ?? [];
  const encoded = encodeBody(body, { smartEncoding: false });
  const sid = newSid(mediaUrls.length ? "MM" : "SM");
  const rows = await db.$queryRaw<Message[]>(Prisma.sql`
    WITH m AS (
      INSERT INTO messages (sid, account_sid, service_sid, direction, "from", "to", body, media_urls, status,
                            num_segments, encoding, validity_period, sender_sid, date_sent)
      VALUES (${sid}, ${owner.account_sid}, ${owner.service_sid}, 'inbound', ${from}, ${to}, ${body}, ${mediaUrls}::text[],
              'received', ${encoded.segments}, ${encoded.encoding}, 0, ${owner.sid}, now())
      RETURNING *
    ), e AS (
      INSERT INTO message_events (message_sid, account_sid, status) SELECT sid, account_sid, status FROM m
    )
    SELECT ${messageColumns("m")} FROM m`);
  return rows[0] as Message;
}
