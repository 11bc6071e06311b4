import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import type { CarrierDriver, CarrierMessage, SubmitResult } from "../driver";
import { ruleFor } from "./sim-rules";

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
    const rule = await ruleFor(m.accountSid, m.to);
    await db.$executeRaw(Prisma.sql`
      INSERT INTO sim_deliveries (message_sid, account_sid, "from", "to", body, media_urls, received_at)
      VALUES (${m.sid}, ${m.accountSid}, ${m.from}, ${m.to}, ${m.body}, ${m.mediaUrls}::text[], clock_timestamp() AT TIME ZONE 'UTC')
      ON CONFLICT (message_sid) DO UPDATE SET submit_count = sim_deliveries.submit_count + 1`);
    const afterMs = rule.latencyMs;
    if ((m.senderKind === "short_code" && rule.noShortCode) || (m.mediaUrls.length > 0 && rule.noMms)) {
      return { accepted: true, report: { status: "undelivered", errorCode: UNREACHABLE, afterMs } };
    }
    if (rule.outcome === "delivered") return { accepted: true, report: { status: "delivered", afterMs } };
    return { accepted: true, report: { status: rule.outcome, errorCode: rule.errorCode ?? 30008, afterMs } };
  },
};
