import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { errFields, log } from "@/lib/server/observability/logger";
import { metrics } from "@/lib/server/observability/metrics";
import { FINAL_STATUSES } from "@/lib/server/message-state/message-columns";

/** Messages per DELETE: each batch is its own short transaction (with its cascaded events, callbacks, ...). */
export const PURGE_BATCH = 500;
/** A purge run stops after this long and leaves the rest to a follow-up job (workers are shared with sending). */
export const PURGE_BUDGET_MS = 20_000;
/**
 * A `sent` message still waits for its delivery report; after this long none
 * will come (carriers report within their validity, at most days), so it is
 * as final as it gets and may be purged.
 */
export const SENT_FINAL_AFTER_HOURS = 72;

export interface PurgeResult {
  deleted: number;
  /** false: the budget ran out with expired messages left (the caller runs another purge). */
  done: boolean;
}

/**
 * One batch of an account's expired messages, oldest first (the account's
 * created_at index), final ones only: a message still queued, scheduled or
 * in flight is never deleted, whatever its age. FOR UPDATE SKIP LOCKED:
 * rows a worker is updating right now are left for the next run instead of
 * being waited for, so the purge never holds up sending.
 */
function deleteBatch(accountSid: string, days: number, limit: number) {
  return db.$executeRaw(Prisma.sql`
    WITH doomed AS (
      SELECT sid FROM messages
       WHERE account_sid = ${accountSid}
         AND created_at < now() - make_interval(days => ${days}::int)
         AND (status = ANY(${[...FINAL_STATUSES]}::text[])
              OR (status = 'sent' AND COALESCE(date_sent, created_at) < now() - make_interval(hours => ${SENT_FINAL_AFTER_HOURS}::int)))
       ORDER BY created_at, sid
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED
    )
    DELETE FROM messages m USING doomed WHERE m.sid = doomed.sid`);
}

/**
 * Deletes the messages older than their account's retention
 * (accounts.message_retention_days; null keeps them) in small batches,
 * until none is left or the budget is spent. Their events, status
 * callbacks, conversation links and opt-out replies go with them (foreign
 * keys ON DELETE CASCADE).
 */
export async function purgeExpiredMessages(opts: { batchSize?: number; budgetMs?: number } = {}): Promise<PurgeResult> {
  const batch = opts.batchSize ?? PURGE_BATCH;
  const deadline = Date.now() + (opts.budgetMs ?? PURGE_BUDGET_MS);
  const accounts = await db.account.findMany({
    where: { messageRetentionDays: { not: null } },
    select: { sid: true, messageRetentionDays: true },
    orderBy: { sid: "asc" },
  });
  let deleted = 0;
  for (const a of accounts) {
    for (;;) {
      const n = await deleteBatch(a.sid, a.messageRetentionDays!, batch);
      deleted += n;
      metrics.purged.inc(n);
      if (n < batch) break;
      if (Date.now() > deadline) {
        log.info({ deleted }, "retention purge paused (budget spent); continuing in a follow-up job");
        return { deleted, done: false };
      }
    }
  }
  if (deleted) log.info({ deleted, accounts: accounts.length }, "retention purge done");
  return { deleted, done: true };
}

/** The task's body, with its errors logged (graphile-worker retries it). */
export async function runRetentionPurge(more: () => Promise<void>): Promise<void> {
  try {
    const r = await purgeExpiredMessages();
    if (!r.done) await more();
  } catch (err) {
    log.error(errFields(err), "retention purge failed");
    throw err;
  }
}
