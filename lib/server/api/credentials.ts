import { createHash, timingSafeEqual } from "node:crypto";
import { setApiActor } from "@/lib/server/audit-context";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { decryptToken } from "@/lib/server/security/token-crypto";
import { assertNotLocked, clientIp, recordFailure, THRESHOLDS, throttleKey } from "@/lib/server/security/auth-throttle";
import type { ApiRequest } from "./api-request";

export interface ApiPrincipal {
  accountSid: string;
  /** The API key used, when not the account's own auth token. */
  keySid?: string;
}

const unauthorized = () => new AppError(20003, "Authentication Error - invalid username", 401);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hashApiSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A SID as this server issues them: anything else (a NUL byte, megabytes of text) never reaches a query. */
const SID_SHAPE = /^(AC|SK)[0-9a-f]{32}$/;

function basicCredentials(req: Pick<ApiRequest, "headers">): { user: string; pass: string } | null {
  const header = req.headers.get("authorization");
  if (!header?.toLowerCase().startsWith("basic ") || header.length > 1024) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}

/**
 * HTTP Basic as Twilio does it: Account SID + Auth Token, or API Key SID +
 * secret. Every REST handler starts here. Failures are throttled per SID
 * and per client address (docs/security.md "Throttling"): a locked key
 * answers 429 with Retry-After (Twilio's 20429).
 */
export async function authenticate(req: Pick<ApiRequest, "headers">): Promise<ApiPrincipal> {
  const creds = basicCredentials(req);
  const ipKey = throttleKey("ip", clientIp((n) => req.headers.get(n)));
  const user = creds && SID_SHAPE.test(creds.user) ? creds.user : null;
  const keys = user ? [ipKey, throttleKey("account", user)] : [ipKey];
  await assertNotLocked(keys);
  try {
    if (!creds || !user) throw unauthorized();
    const principal = await lookupPrincipal(user, creds.pass);
    setApiActor(principal);
    return principal;
  } catch (err) {
    if (err instanceof AppError && err.status === 401) {
      await recordFailure(keys.map((key) => ({ key, threshold: key === ipKey ? THRESHOLDS.ip : THRESHOLDS.account })));
    }
    throw err;
  }
}

async function lookupPrincipal(user: string, pass: string): Promise<ApiPrincipal> {
  if (user.startsWith("AC")) {
    // While a secondary token exists (auth token rotation, docs/team.md) either token authenticates.
    const account = await db.account.findUnique({ where: { sid: user }, select: { sid: true, authToken: true, secondaryAuthToken: true } });
    if (!account) throw unauthorized();
    const primaryOk = safeEqual(decryptToken(account.authToken), pass);
    const secondaryOk = account.secondaryAuthToken !== null && safeEqual(decryptToken(account.secondaryAuthToken), pass);
    if (!primaryOk && !secondaryOk) throw unauthorized();
    return { accountSid: account.sid };
  }
  if (user.startsWith("SK")) {
    const key = await db.apiKey.findUnique({ where: { sid: user }, select: { sid: true, accountSid: true, secretHash: true } });
    if (!key || !safeEqual(key.secretHash, hashApiSecret(pass))) throw unauthorized();
    return { accountSid: key.accountSid, keySid: key.sid };
  }
  throw unauthorized();
}

/** 2010 paths name the account; it must be the authenticated one. */
export function assertAccountPath(principal: ApiPrincipal, pathAccountSid: string): void {
  if (principal.accountSid !== pathAccountSid) {
    throw new AppError(20003, "Authenticate", 401);
  }
}
