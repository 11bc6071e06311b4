import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
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

/**
 * HTTP Basic as Twilio does it: Account SID + Auth Token, or API Key SID +
 * secret. Every REST handler starts here.
 */
export async function authenticate(req: Pick<ApiRequest, "headers">): Promise<ApiPrincipal> {
  const header = req.headers.get("authorization");
  if (!header?.toLowerCase().startsWith("basic ")) throw unauthorized();
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw unauthorized();
  const user = decoded.slice(0, colon);
  const pass = decoded.slice(colon + 1);
  if (user.startsWith("AC")) {
    const account = await db.account.findUnique({ where: { sid: user }, select: { sid: true, authToken: true } });
    if (!account || !safeEqual(account.authToken, pass)) throw unauthorized();
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
