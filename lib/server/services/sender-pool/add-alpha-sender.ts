import { checkAlphaSenderId } from "@/lib/core/senders/alpha-sender-id";
import { isIsoCountry } from "@/lib/core/senders/alpha-countries";
import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import type { AddAlphaSenderInput } from "./sender-pool-schema";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { assertPoolHasRoom, lockServiceForPoolChange } from "./pool-lock";

/**
 * Adds an alphanumeric sender ID to a service: the service-wide default
 * (no country) or the one for a destination country. Invalid IDs answer
 * 21709; a second default or a second one for the same country answers 21710
 * (the unique index decides). Country support is only warned about, by the
 * caller (alphaCountryWarnings), never refused.
 */
export async function addAlphaSender(accountSid: string, serviceSid: string, input: AddAlphaSenderInput) {
  const checked = checkAlphaSenderId(input.alphaSender);
  if (!checked.ok) throw new AppError(21709, checked.reason, 400, "alphaSender");
  const iso = (input.isoCountryCode ?? "").toUpperCase();
  if (iso && !isIsoCountry(iso)) throw new AppError(21709, "Enter a valid ISO 3166 country code, e.g. FR", 400, "isoCountryCode");
  try {
    return await db.$transaction(async (tx) => {
      await lockServiceForPoolChange(tx, accountSid, serviceSid);
      await assertPoolHasRoom(tx, serviceSid);
      const created = await tx.alphaSender.create({
        data: { sid: newSid("AI"), accountSid, serviceSid, alphaSender: checked.value, isoCountryCode: iso },
      });
      await recordAudit(tx, {
        accountSid,
        action: "sender_pool.add",
        resource: { type: "alpha_sender", sid: created.sid, serviceSid },
        after: { serviceSid, sender: created.alphaSender, isoCountryCode: created.isoCountryCode || null },
      });
      return created;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const what = iso ? `an alpha sender for ${iso}` : "a service-wide alpha sender";
    throw new AppError(21710, `This service already has ${what}. Remove it first to use "${checked.value}".`, 400, "alphaSender");
  }
}
