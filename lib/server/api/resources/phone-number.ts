import type { AlphaSender, ChannelSender, PhoneNumber, ShortCode } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/server/errors";
import { getPoolSender } from "@/lib/server/services/sender-pool/pool-queries";
import { isoDate } from "../dates";
import { publicBaseUrl } from "../pagination";

/** v1 Services/{sid}/PhoneNumbers create: wire param -> schema field. */
export const ADD_PHONE_NUMBER_PARAMS: Record<string, string> = { PhoneNumberSid: "phoneNumberSid" };

type Pooled = Pick<PhoneNumber, "sid" | "accountSid" | "serviceSid" | "addedToServiceAt" | "createdAt" | "updatedAt">;

/** The pool member's URL under the service it is in. */
export function poolUrl(serviceSid: string, collection: string, sid: string): string {
  return `${publicBaseUrl()}/v1/Services/${serviceSid}/${collection}/${sid}`;
}

/**
 * Fields every PN/SC pool member shares. date_created is when the sender
 * joined the pool (what Twilio's sub-resource describes), not when it was bought.
 */
export function pooledBase(r: Pooled, serviceSid: string) {
  return {
    sid: r.sid,
    account_sid: r.accountSid,
    service_sid: serviceSid,
    date_created: isoDate(r.addedToServiceAt ?? r.createdAt),
    date_updated: isoDate(r.updatedAt),
  };
}

/** Capabilities as v1 names them: an array, SMS first (docs/wire-contract.md "Messaging Service resource"). */
export function capabilityList(c: { smsEnabled: boolean; mmsEnabled: boolean; voiceEnabled?: boolean }): string[] {
  return [c.smsEnabled && "SMS", c.mmsEnabled && "MMS", c.voiceEnabled && "Voice"].filter((x): x is string => typeof x === "string");
}

export function servicePhoneNumberResource(n: PhoneNumber, serviceSid: string) {
  return {
    ...pooledBase(n, serviceSid),
    phone_number: n.phoneNumber,
    country_code: n.isoCountry,
    capabilities: capabilityList(n),
    url: poolUrl(serviceSid, "PhoneNumbers", n.sid),
  };
}

type PoolFind = Awaited<ReturnType<typeof getPoolSender>>;
export type PoolKind = PoolFind["kind"];
export interface RecordOf {
  phone_number: PhoneNumber;
  short_code: ShortCode;
  alpha: AlphaSender;
  channel: ChannelSender;
}

const PREFIX: Record<PoolKind, string> = { phone_number: "PN", short_code: "SC", alpha: "AI", channel: "XE" };

const memberNotFound = (serviceSid: string, sid: string) => notFound(`The requested resource /Services/${serviceSid}/${sid} was not found`);

/**
 * Instance paths are typed by their collection: a short code's SID under
 * /PhoneNumbers is not found, as on Twilio, even though one lookup by
 * prefix would find it.
 */
export async function fetchPoolMember<K extends PoolKind>(accountSid: string, serviceSid: string, sid: string, kind: K): Promise<RecordOf[K]> {
  requireKind(serviceSid, sid, kind);
  const found = await getPoolSender(accountSid, serviceSid, sid);
  if (found.kind !== kind) throw memberNotFound(serviceSid, sid);
  // The kind was just checked; TS cannot carry that through the generic K.
  return found.record as RecordOf[K];
}

/** Before a DELETE: the SID must be of the collection's kind (the service layer removes by prefix). */
export function requireKind(serviceSid: string, sid: string, kind: PoolKind): void {
  if (!sid.startsWith(PREFIX[kind])) throw memberNotFound(serviceSid, sid);
}
