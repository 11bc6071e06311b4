import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/**
 * Adds a link domain to the account (with its config, defaults: continue on
 * failure, https links). Domain names are unique across the server because
 * redirects are routed by Host header; the unique index is the guarantee.
 */
export async function createDomain(accountSid: string, input: { domainName: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const domain = await tx.linkDomain.create({
        data: { sid: newSid("DN"), configSid: newSid("ZK"), accountSid, domainName: input.domainName },
      });
      await recordAudit(tx, { accountSid, action: "link_domain.create", resource: { type: "link_domain", sid: domain.sid }, after: domain });
      return domain;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(30101, `The domain ${input.domainName} is already registered.`, 409, "domainName");
    throw err;
  }
}
