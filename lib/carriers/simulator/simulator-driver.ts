import { Prisma } from "@/lib/generated/prisma/client";
import { coalesce } from "@/lib/server/db/coalesce";
import { db } from "@/lib/server/db/client";
import type { CarrierDriver, CarrierMessage, SubmitResult } from "../driver";
import { ruleFor } from "@/lib/server/simulator/sim-rules";

/**
 * Hand-offs arriving together are recorded by one statement (a busy
 * pipeline hands off hundreds per second; one commit each would be the
 * bottleneck). received_at is the moment of the hand-off (the submit call),
 * when a real carrier would receive it, not when this bookkeeping write
 * reaches the database a batch later. The same SID twice never shares a
 * statement, so its submit_count still counts.
 */
const record = coalesce<CarrierMessage & { receivedAt: Date }, void>({
  maxBatch: 500,
  maxInFlight: 3,
  keyOf: (m) => m.sid,
  run: async (ms) => {
    const rows = ms.map((m) => ({ sid: m.sid, account_sid: m.accountSid, from: m.from, to: m.to, body: m.body, media_urls: m.mediaUrls, received_at: m.receivedAt.toISOString() }));
    await db.$executeRaw(Prisma.sql`
      INSERT INTO sim_deliveries (message_sid, account_sid, "from", "to", body, media_urls, received_at)
      SELECT sid, account_sid, "from", "to", body, media_urls, received_at
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(sid text, account_sid text, "from" text, "to" text, body text, media_urls text[], received_at timestamp)
      ON CONFLICT (message_sid) DO UPDATE SET submit_count = sim_deliveries.submit_count + 1`);
    return ms.map(() => undefined);
  },
});

/** Carrier error when a handset cannot take what was sent (short code / MMS). */
const UNREACHABLE = 30006;

/**
 * The built-in carrier: records what it received (sim_deliveries, keyed by
 * message SID so a repeated hand-off is counted, not sent twice) and reports
 * the outcome its per-account rules dictate, deterministically.
 */
export const simulatorDriver: CarrierDriver = {
  name: "simulator",

  async capabilities(accountSid, to) {
    const rule = await ruleFor(accountSid, to);
    return { shortCode: !rule.noShortCode, mms: !rule.noMms, rcs: rule.rcsCapable };
  },

  async prepare(m) {
    await ruleFor(m.accountSid, m.to);
  },

  async submit(m: CarrierMessage): Promise<SubmitResult> {
    const receivedAt = new Date();
    const rule = await ruleFor(m.accountSid, m.to);
    await record({ ...m, receivedAt });
    const afterMs = rule.latencyMs;
    if ((m.senderKind === "short_code" && rule.noShortCode) || (m.mediaUrls.length > 0 && rule.noMms)) {
      return { accepted: true, report: { status: "undelivered", errorCode: UNREACHABLE, afterMs } };
    }
    if (rule.outcome === "delivered") return { accepted: true, report: { status: "delivered", afterMs } };
    return { accepted: true, report: { status: rule.outcome, errorCode: rule.errorCode ?? 30008, afterMs } };
  },

  // sim_deliveries is keyed by SID: a second hand-off is counted (submit_count), never delivered twice.
  async resubmitAfterCrash() {
    return true;
  },
};
