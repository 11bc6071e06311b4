import type { NumberType } from "@/lib/core/inventory/countries";
import { lookupInventoryNumber } from "@/lib/core/inventory/search-inventory";
import { checkE164 } from "@/lib/core/senders/phone-number";
import { db, type Tx } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import type { BuyPhoneNumberInput } from "./phone-number-schema";
import { searchAvailableNumbers } from "./search-available-numbers";

/**
 * Adds a number to the account's inventory ("buys" it): a given E.164 number
 * (validated, country and type derived) or the first free one of an area
 * code. The unique index on phone_number is the guarantee that a number has
 * one owner: a lost race answers 21422, never a duplicate. `numberType` is
 * the 2010 API's IncomingPhoneNumbers/{Local,Mobile,TollFree}: only a number
 * of that type may be bought there (docs/api.md). `tx`: a caller's
 * transaction (buying straight into a sender pool, docs/console.md).
 */
export async function buyPhoneNumber(accountSid: string, input: BuyPhoneNumberInput, numberType?: NumberType, tx: Tx = db) {
  let e164 = input.phoneNumber;
  if (e164 === undefined) {
    const [first] = await searchAvailableNumbers(accountSid, { country: input.country ?? "US", type: numberType ?? "local", areaCode: input.areaCode, capability: "SMS", limit: 1 }, tx);
    if (!first) throw new AppError(21452, `No phone numbers found in area code ${input.areaCode}`, 400, "areaCode");
    e164 = first.phoneNumber;
  }
  const checked = checkE164(e164);
  if (!checked.ok) throw new AppError(21421, checked.reason, 400, "phoneNumber");
  const known = lookupInventoryNumber(checked.phoneNumber);
  const type = known?.numberType ?? checked.numberType;
  if (numberType && type !== numberType) throw new AppError(21421, `${checked.phoneNumber} is not a ${numberType.replace("_", "-")} number`, 400, "phoneNumber");
  try {
    // Bought and audited together: in the caller's transaction, or in one of its own.
    const write = async (t: Tx) => {
      const bought = await t.phoneNumber.create({
        data: {
          sid: newSid("PN"),
          accountSid,
          phoneNumber: checked.phoneNumber,
          friendlyName: input.friendlyName ?? known?.friendlyName ?? checked.phoneNumber,
          isoCountry: known?.isoCountry ?? checked.isoCountry,
          numberType: type,
          smsEnabled: input.smsEnabled ?? known?.capabilities.sms ?? true,
          mmsEnabled: input.mmsEnabled ?? known?.capabilities.mms ?? true,
          voiceEnabled: input.voiceEnabled ?? known?.capabilities.voice ?? true,
          smsUrl: input.smsUrl ?? null,
          smsMethod: input.smsMethod ?? "POST",
        },
      });
      await recordAudit(t, { accountSid, action: "phone_number.buy", resource: { type: "phone_number", sid: bought.sid }, after: bought });
      return bought;
    };
    return await (tx === db ? db.$transaction((t) => write(t)) : write(tx));
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(21422, `${checked.phoneNumber} is not available: it already has an owner`, 400, "phoneNumber");
    throw err;
  }
}
