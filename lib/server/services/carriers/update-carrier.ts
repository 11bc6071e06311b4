import type { SmppSettings, TwilioUpstreamSettings } from "@/lib/carriers/carrier-settings";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { carrierSecretPurpose, sealSecret } from "@/lib/server/secrets/secret-box";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { CARRIER_ERRORS, carrierNotFound } from "./carrier-errors";
import type { UpdateCarrierInput } from "./carrier-schema";
import { mergeSmppSettings, mergeTwilioSettings, settingsJson } from "./carrier-settings-map";
import { clearDefaultCarrier, retryDefaultRace } from "./default-carrier";

/**
 * Changes a carrier: the given fields over the stored settings (the row is
 * locked, so two edits cannot lose each other's fields). An omitted or blank
 * password / token keeps the stored one. The type cannot change.
 */
export async function updateCarrier(accountSid: string, sid: string, input: UpdateCarrierInput) {
  return retryDefaultRace(() =>
    db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ sid: string }[]>`SELECT sid FROM carriers WHERE sid = ${sid} AND account_sid = ${accountSid} FOR UPDATE`;
      if (!row) throw carrierNotFound(sid);
      const c = await tx.carrier.findUniqueOrThrow({ where: { sid } });
      if (input.type !== undefined && input.type !== c.type) {
        throw new AppError(CARRIER_ERRORS.invalidParameter, `Invalid parameter Type: a ${c.type} carrier cannot become ${input.type}; create a new carrier`, 400, "type");
      }
      const smpp = c.type === "smpp";
      const settings = smpp
        ? mergeSmppSettings(c.settings as Partial<SmppSettings>, input)
        : mergeTwilioSettings(c.settings as Partial<TwilioUpstreamSettings>, input);
      const newSecret = smpp ? input.password : input.authToken;
      if (input.isDefault === true) await clearDefaultCarrier(tx, accountSid, sid);
      const after = await tx.carrier.update({
        where: { sid },
        data: {
          friendlyName: input.friendlyName,
          enabled: input.enabled,
          isDefault: input.isDefault,
          settings: settingsJson(settings),
          ...(newSecret !== undefined ? { secret: sealSecret(newSecret, carrierSecretPurpose(sid)) } : {}),
        },
      });
      // A new password or token shows as changed (redacted), never its value; a re-seal of the same one is a change too.
      await recordAudit(tx, { accountSid, action: "carrier.update", resource: { type: "carrier", sid }, before: c, after });
      return after;
    }),
  );
}
