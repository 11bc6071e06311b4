import { db } from "@/lib/server/db/client";
import { decryptToken, encryptToken, needsReEncryption } from "./token-crypto";

/**
 * Rewrites every auth token under the current key (docs/security.md
 * "Secrets at rest": rotation, and encrypting tokens stored before). Each
 * row is updated only if it still holds the value read, so a token rotated
 * meanwhile is not overwritten. Returns how many rows changed.
 */
export async function reEncryptAuthTokens(): Promise<number> {
  const rows = await db.account.findMany({ select: { sid: true, authToken: true } });
  let changed = 0;
  for (const r of rows) {
    if (!needsReEncryption(r.authToken)) continue;
    const n = await db.account.updateMany({ where: { sid: r.sid, authToken: r.authToken }, data: { authToken: encryptToken(decryptToken(r.authToken)) } });
    changed += n.count;
  }
  // Secondary tokens (auth token rotation, docs/team.md) are sealed with the same key.
  const secondaries = await db.account.findMany({ where: { secondaryAuthToken: { not: null } }, select: { sid: true, secondaryAuthToken: true } });
  for (const r of secondaries) {
    if (r.secondaryAuthToken === null || !needsReEncryption(r.secondaryAuthToken)) continue;
    const n = await db.account.updateMany({
      where: { sid: r.sid, secondaryAuthToken: r.secondaryAuthToken },
      data: { secondaryAuthToken: encryptToken(decryptToken(r.secondaryAuthToken)) },
    });
    changed += n.count;
  }
  return changed;
}
