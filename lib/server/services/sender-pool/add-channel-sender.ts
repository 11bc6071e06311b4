import { parseChannelAddress } from "@/lib/core/senders/channel-address";
import { db, type Tx } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import type { AddChannelSenderInput } from "./sender-pool-schema";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { alreadyPooledError, assertPoolHasRoom, lockServiceForPoolChange } from "./pool-lock";
import { attachChannelSender } from "./add-channel-sender-to-service";

/**
 * Console path: registers a WhatsApp (whatsapp:+E164, country from the
 * number) or RCS (rcs:agent_id + approved countries) sender and adds it to
 * the pool in one transaction. An address the account already holds outside
 * any pool is reused (a removed sender can come back); one in a pool answers
 * 21710/21712; one of another account answers 21422.
 */
export async function addChannelSender(accountSid: string, serviceSid: string, input: AddChannelSenderInput) {
  const parsed = parseChannelAddress(input.sender);
  if (!parsed.ok) throw new AppError(21212, parsed.reason, 400, "sender");
  const countries = parsed.senderType === "RCS" ? [...new Set(input.countries)] : [];
  const create = (tx: Tx) =>
    tx.channelSender.create({
      data: {
        sid: newSid("XE"),
        accountSid,
        sender: parsed.sender,
        senderType: parsed.senderType,
        countryCode: parsed.countryCode,
        countries,
        serviceSid,
        addedToServiceAt: new Date(),
      },
    });
  try {
    return await db.$transaction(async (tx) => {
      await lockServiceForPoolChange(tx, accountSid, serviceSid);
      const existing = await tx.channelSender.findFirst({ where: { sender: parsed.sender } });
      if (!existing) {
        await assertPoolHasRoom(tx, serviceSid);
        const created = await create(tx);
        await recordAudit(tx, {
          accountSid,
          action: "sender_pool.add",
          resource: { type: "channel_sender", sid: created.sid, serviceSid },
          after: { serviceSid, sender: created.sender, senderType: created.senderType, countries: created.countries },
        });
        return created;
      }
      if (existing.accountSid !== accountSid) throw notAvailable(parsed.sender);
      if (existing.serviceSid) throw await alreadyPooledError(tx, parsed.sender, serviceSid, existing.serviceSid, "sender");
      if (parsed.senderType === "RCS") await tx.channelSender.update({ where: { sid: existing.sid }, data: { countries } });
      return attachChannelSender(tx, accountSid, serviceSid, existing.sid);
    });
  } catch (err) {
    // Two requests created the same address at once: the unique index kept one.
    if (isUniqueViolation(err)) throw notAvailable(parsed.sender);
    throw err;
  }
}

function notAvailable(sender: string): AppError {
  return new AppError(21422, `${sender} is not available: it is already registered`, 400, "sender");
}
