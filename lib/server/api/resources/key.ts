import { AppError } from "@/lib/server/errors";
import type { ApiPrincipal } from "../credentials";
import { rfc2822 } from "../dates";

interface KeyRow {
  sid: string;
  friendlyName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** 2010 Key. An unnamed key (created without FriendlyName) is stored as "" and written as null, as Twilio does. */
export function keyResource(k: KeyRow) {
  return { sid: k.sid, friendly_name: k.friendlyName === "" ? null : k.friendlyName, date_created: rfc2822(k.createdAt), date_updated: rfc2822(k.updatedAt) };
}

/** 2010 NewKey: the Key plus its secret, returned by create only. */
export const newKeyResource = (k: KeyRow & { secret: string }) => ({ ...keyResource(k), secret: k.secret });

/**
 * Keys are managed with the account's own credentials: an API key may not
 * list, create or change keys (Twilio: a Standard key cannot manage Keys), so
 * a leaked key cannot mint others. docs/api.md "Keys".
 */
export function assertAccountCredentials(principal: ApiPrincipal): void {
  if (principal.keySid) throw new AppError(20403, "Forbidden: API keys cannot manage keys; use the Account SID and Auth Token", 403);
}
