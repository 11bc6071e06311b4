import "server-only";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { newSecret } from "@/lib/server/ids";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { decryptToken, encryptToken } from "@/lib/server/security/token-crypto";

/**
 * Auth token rotation (docs/team.md "Auth token rotation"): create a secondary
 * token, move clients to it, promote it (the old primary stops working), or
 * delete it. Both tokens are sealed at rest (docs/security.md "Secrets at
 * rest"). Every change is an UPDATE of the account row, whose trigger clears
 * the API credential cache on every process when it commits.
 */

export interface AuthTokenState {
  hasSecondary: boolean;
  secondaryCreatedAt: Date | null;
}

export async function authTokenState(accountSid: string): Promise<AuthTokenState> {
  const a = await db.account.findUnique({ where: { sid: accountSid }, select: { secondaryAuthToken: true, secondaryAuthTokenCreatedAt: true } });
  if (!a) throw notFound();
  return { hasSecondary: a.secondaryAuthToken !== null, secondaryCreatedAt: a.secondaryAuthTokenCreatedAt };
}

export async function revealAuthToken(accountSid: string, which: "primary" | "secondary"): Promise<string> {
  const a = await db.account.findUnique({ where: { sid: accountSid }, select: { authToken: true, secondaryAuthToken: true } });
  if (!a) throw notFound();
  const stored = which === "primary" ? a.authToken : a.secondaryAuthToken;
  if (stored === null) throw notFound("There is no secondary auth token");
  return decryptToken(stored);
}

/** Creates the secondary token; one at a time (promote or delete the existing one first). Returns it once. */
export async function createSecondaryAuthToken(accountSid: string, now = new Date()): Promise<{ token: string; createdAt: Date }> {
  const token = newSecret();
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({
      where: { sid: accountSid, secondaryAuthToken: null },
      data: { secondaryAuthToken: encryptToken(token), secondaryAuthTokenCreatedAt: now },
    });
    // The token itself never reaches the log: the event says a secondary now exists, and when.
    if (count > 0) await recordAudit(tx, { accountSid, action: "account.rotate_token", resource: { type: "account", sid: accountSid }, before: { secondaryAuthTokenCreatedAt: null }, after: { secondaryAuthTokenCreatedAt: now } });
    return count;
  });
  if (count === 0) {
    await authTokenState(accountSid); // not found, if the account is gone
    throw new AppError(20409, "A secondary auth token exists already. Promote or delete it first.", 409);
  }
  return { token, createdAt: now };
}

/**
 * The secondary becomes the primary and the old primary stops working at once;
 * one statement, so a concurrent delete or second promote cannot interleave.
 */
export async function promoteSecondaryAuthToken(accountSid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const count = await tx.$executeRaw`
      UPDATE accounts SET auth_token = secondary_auth_token, secondary_auth_token = NULL,
        secondary_auth_token_created_at = NULL, updated_at = now()
      WHERE sid = ${accountSid} AND secondary_auth_token IS NOT NULL`;
    if (count === 0) throw notFound("There is no secondary auth token to promote");
    await recordAudit(tx, { accountSid, action: "account.promote_token", resource: { type: "account", sid: accountSid }, before: { primary: "previous token" }, after: { primary: "the former secondary token" } });
  });
}

export async function deleteSecondaryAuthToken(accountSid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({
      where: { sid: accountSid, secondaryAuthToken: { not: null } },
      data: { secondaryAuthToken: null, secondaryAuthTokenCreatedAt: null },
    });
    if (count === 0) throw notFound("There is no secondary auth token to delete");
    await recordAudit(tx, { accountSid, action: "account.delete_secondary_token", resource: { type: "account", sid: accountSid }, before: { secondary: "present" }, after: { secondary: "deleted" } });
  });
}
