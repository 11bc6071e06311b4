import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import type { CreateShortCodeInput } from "./short-code-schema";

/**
 * Adds a short code to the account's inventory. A short code is unique
 * within its country across all accounts (the unique index decides).
 */
export async function createShortCode(accountSid: string, input: CreateShortCodeInput) {
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.shortCode.create({
        data: {
          sid: newSid("SC"),
          accountSid,
          shortCode: input.shortCode,
          isoCountry: input.isoCountry,
          smsEnabled: input.smsEnabled ?? true,
          mmsEnabled: input.mmsEnabled ?? false,
        },
      });
      await recordAudit(tx, { accountSid, action: "short_code.create", resource: { type: "short_code", sid: created.sid }, after: created });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(21422, `Short code ${input.shortCode} (${input.isoCountry}) is not available: it already has an owner`, 400, "shortCode");
    throw err;
  }
}
