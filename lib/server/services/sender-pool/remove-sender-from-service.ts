import type { AuditResourceType } from "@/lib/core/audit/audit-actions";
import { db, type Tx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockServiceForPoolChange } from "./pool-lock";

/**
 * Takes any sender out of a service's pool, by SID prefix: phone numbers,
 * short codes and WhatsApp/RCS senders go back to the account's inventory,
 * alpha senders (which exist only inside a pool) are deleted. The sender's
 * sticky mappings are deleted in the same transaction (docs/product.md "Sticky Sender"). A sender
 * that is not in this pool, or a service of another account: 20404.
 */
export async function removeSenderFromService(accountSid: string, serviceSid: string, senderSid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockServiceForPoolChange(tx, accountSid, serviceSid);
    const removed = await detach(tx, { accountSid, serviceSid, sid: senderSid });
    if (!removed) throw notFound(`The requested resource /Services/${serviceSid}/Senders/${senderSid} was not found`);
    await tx.stickyMapping.deleteMany({ where: { serviceSid, senderSid } });
    await recordAudit(tx, {
      accountSid,
      action: "sender_pool.remove",
      resource: { type: removed.type, sid: senderSid, serviceSid },
      before: { serviceSid, sender: removed.sender },
    });
  });
}

/** The sender taken out (its type and address, for the audit log), or null when it was not in this pool. */
async function detach(tx: Tx, where: { accountSid: string; serviceSid: string; sid: string }): Promise<{ type: AuditResourceType; sender: string } | null> {
  const free = { serviceSid: null, addedToServiceAt: null };
  switch (where.sid.slice(0, 2)) {
    case "PN": {
      const row = await tx.phoneNumber.findFirst({ where, select: { phoneNumber: true } });
      return row && (await tx.phoneNumber.updateMany({ where, data: free })).count ? { type: "phone_number", sender: row.phoneNumber } : null;
    }
    case "SC": {
      const row = await tx.shortCode.findFirst({ where, select: { shortCode: true } });
      return row && (await tx.shortCode.updateMany({ where, data: free })).count ? { type: "short_code", sender: row.shortCode } : null;
    }
    case "XE": {
      const row = await tx.channelSender.findFirst({ where, select: { sender: true } });
      return row && (await tx.channelSender.updateMany({ where, data: free })).count ? { type: "channel_sender", sender: row.sender } : null;
    }
    case "AI": {
      const row = await tx.alphaSender.findFirst({ where, select: { alphaSender: true } });
      return row && (await tx.alphaSender.deleteMany({ where })).count ? { type: "alpha_sender", sender: row.alphaSender } : null;
    }
    default:
      return null;
  }
}
