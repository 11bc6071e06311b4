import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { parseRecipient } from "@/lib/server/services/messages/parse-recipient";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { failPendingSends } from "./fail-pending-sends";
import { findOptOut, type OptOutEntry } from "./opt-out-list";

/** Who changed the list: a console user (id) or an API credential (SK or AC SID). */
export interface OptOutActor {
  source: "console" | "api";
  actor: string;
}

/** The stored form of a number typed by hand or sent to the API: +E.164, or whatsapp:/rcs: + E.164. */
export function normalizeOptOutRecipient(input: string): string {
  const r = parseRecipient(input ?? "");
  if (!r) throw new AppError(21211, `Invalid 'PhoneNumber': '${(input ?? "").trim()}' is not a valid phone number.`, 400, "phoneNumber");
  return r.address;
}

/**
 * Adds a recipient to the service's opt-out list by hand, recorded with who
 * and when, and fails what is still queued to it (like a STOP). Adding a
 * number already on the list changes nothing and returns its entry.
 */
export async function addOptOut(accountSid: string, serviceSid: string, phoneNumber: string, by: OptOutActor): Promise<{ entry: OptOutEntry; created: boolean }> {
  await getService(accountSid, serviceSid);
  const recipient = normalizeOptOutRecipient(phoneNumber);
  const created = await db.$transaction(async (tx) => {
    const added = await tx.$executeRaw(Prisma.sql`
      INSERT INTO opt_outs (service_sid, recipient, created_at, created_by, source)
      VALUES (${serviceSid}, ${recipient}, now(), ${by.actor}, ${by.source})
      ON CONFLICT (service_sid, recipient) DO NOTHING`);
    if (!added) return false;
    await tx.optOutEvent.create({ data: { serviceSid, recipient, action: "opt_out", source: by.source, actor: by.actor } });
    await failPendingSends(tx, accountSid, serviceSid, recipient);
    await recordAudit(tx, { accountSid, action: "opt_out.add", resource: { type: "opt_out", sid: recipient, serviceSid }, after: { recipient } });
    return true;
  });
  const entry = await findOptOut(accountSid, serviceSid, recipient);
  if (!entry) throw notFound(); // removed again in between
  return { entry, created };
}

/** Removes a recipient from the list (sends to it work again), recorded with who and when; 404 when absent. */
export async function removeOptOut(accountSid: string, serviceSid: string, phoneNumber: string, by: OptOutActor): Promise<void> {
  await getService(accountSid, serviceSid);
  const recipient = normalizeOptOutRecipient(phoneNumber);
  await db.$transaction(async (tx) => {
    const removed = await tx.$executeRaw(Prisma.sql`DELETE FROM opt_outs WHERE service_sid = ${serviceSid} AND recipient = ${recipient}`);
    if (!removed) throw notFound(`The requested resource /Services/${serviceSid}/OptOuts/${recipient} was not found`);
    await tx.optOutEvent.create({ data: { serviceSid, recipient, action: "opt_in", source: by.source, actor: by.actor } });
    await recordAudit(tx, { accountSid, action: "opt_out.remove", resource: { type: "opt_out", sid: recipient, serviceSid }, before: { recipient } });
  });
}
