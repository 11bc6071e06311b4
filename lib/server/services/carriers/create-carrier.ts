import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { carrierSecretPurpose, sealSecret } from "@/lib/server/secrets/secret-box";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import type { CreateCarrierInput } from "./carrier-schema";
import { mergeSmppSettings, mergeTwilioSettings, settingsJson } from "./carrier-settings-map";
import { clearDefaultCarrier, retryDefaultRace } from "./default-carrier";

/**
 * A new carrier connection. The password / token is sealed under the new
 * SID (so a row's secret cannot be moved to another row) and never read
 * back by the console or the API. IsDefault clears the previous default in
 * the same transaction.
 */
export async function createCarrier(accountSid: string, input: CreateCarrierInput) {
  const sid = newSid("CR");
  const settings = input.type === "smpp" ? mergeSmppSettings({}, input) : mergeTwilioSettings({}, input);
  const secret = sealSecret(input.type === "smpp" ? input.password : input.authToken, carrierSecretPurpose(sid));
  const isDefault = input.isDefault ?? false;
  return retryDefaultRace(() =>
    db.$transaction(async (tx) => {
      if (isDefault) await clearDefaultCarrier(tx, accountSid, sid);
      const carrier = await tx.carrier.create({
        data: {
          sid,
          accountSid,
          friendlyName: input.friendlyName,
          type: input.type,
          enabled: input.enabled ?? true,
          isDefault,
          settings: settingsJson(settings),
          secret,
        },
      });
      await recordAudit(tx, { accountSid, action: "carrier.create", resource: { type: "carrier", sid }, after: carrier });
      return carrier;
    }),
  );
}
