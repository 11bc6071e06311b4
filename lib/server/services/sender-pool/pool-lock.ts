import type { Tx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";

/** Twilio's default sender pool size limit (error 21714). */
export const POOL_LIMIT = 400;

/**
 * Locks the service row (SELECT ... FOR UPDATE) for the rest of the
 * transaction: every change to one pool queues behind this lock, so the
 * count below cannot be raced past the limit. Another account's service is
 * simply not found.
 */
export async function lockServiceForPoolChange(tx: Tx, accountSid: string, serviceSid: string): Promise<{ sid: string; friendlyName: string }> {
  const rows = await tx.$queryRaw<{ sid: string; friendly_name: string }[]>`
    SELECT sid, friendly_name FROM services WHERE sid = ${serviceSid} AND account_sid = ${accountSid} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound(`The requested resource /Services/${serviceSid} was not found`);
  return { sid: row.sid, friendlyName: row.friendly_name };
}

/** Senders of every type in the pool (call with the service locked). */
export async function poolSize(tx: Tx, serviceSid: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT ((SELECT count(*) FROM phone_numbers WHERE service_sid = ${serviceSid})
          + (SELECT count(*) FROM short_codes WHERE service_sid = ${serviceSid})
          + (SELECT count(*) FROM alpha_senders WHERE service_sid = ${serviceSid})
          + (SELECT count(*) FROM channel_senders WHERE service_sid = ${serviceSid}))::int AS n`;
  return row?.n ?? 0;
}

export async function assertPoolHasRoom(tx: Tx, serviceSid: string): Promise<void> {
  if ((await poolSize(tx, serviceSid)) >= POOL_LIMIT) {
    throw new AppError(21714, `The sender pool is full: a Messaging Service holds at most ${POOL_LIMIT} senders. Remove one first.`, 400);
  }
}

/** 21710 / 21712 for a sender that is already in a pool. */
export async function alreadyPooledError(tx: Tx, label: string, serviceSid: string, ownerSid: string, field?: string): Promise<AppError> {
  if (ownerSid === serviceSid) return new AppError(21710, `${label} is already in this service's sender pool`, 400, field);
  const owner = await tx.service.findUnique({ where: { sid: ownerSid }, select: { friendlyName: true } });
  return new AppError(
    21712,
    `${label} already belongs to the Messaging Service "${owner?.friendlyName ?? ownerSid}" (${ownerSid}). Remove it there first.`,
    400,
    field,
  );
}
