import type { CarrierInfo } from "./types";

/** E.164 prefixes of recipients whose carrier lacks a capability (scenario files' `carriers`). */
export interface CarrierPrefixes {
  noShortCode?: readonly string[];
  noMms?: readonly string[];
  rcsCapable?: readonly string[];
}

/** Carrier facts for a recipient from prefix lists; everyone else: short codes and MMS yes, RCS no. */
export function carrierLookup(p: CarrierPrefixes): (e164: string) => CarrierInfo {
  const any = (list: readonly string[] | undefined, n: string) => list !== undefined && list.some((prefix) => n.startsWith(prefix));
  return (n) => ({ shortCode: !any(p.noShortCode, n), mms: !any(p.noMms, n), rcs: any(p.rcsCapable, n) });
}
