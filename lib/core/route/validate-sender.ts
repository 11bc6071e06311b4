import type { ParsedAddress } from "../phone/parse-address";
import { alphaEligibility } from "./alpha-eligibility";
import type { IndexedSender } from "./pool";
import type { CarrierInfo, ServiceSettings } from "./types";

/**
 * Routing validation of one sender for one recipient (docs/product.md "Sticky Sender"): used for
 * sticky mappings and explicit From. Returns why the sender cannot be used,
 * or null. Message-specific needs (MMS) are checked by the caller, because a
 * sticky mapping must not be dropped just because one message has media.
 */
export function invalidReason(
  s: IndexedSender,
  to: ParsedAddress,
  carrier: CarrierInfo,
  settings: ServiceSettings,
): string | null {
  if (to.channel === "whatsapp") return s.type === "whatsapp" ? null : `${s.id} is not a WhatsApp sender`;
  if (to.channel === "rcs") return s.type === "rcs" ? null : `${s.id} is not an RCS sender`;
  switch (s.type) {
    case "whatsapp":
      return `${s.id} is a WhatsApp sender and ${to.raw} is an SMS address`;
    case "rcs":
      if (!carrier.rcs) return `recipient ${to.e164} is not RCS-capable`;
      return s.countries.includes(to.country) ? null : `${s.id} is not approved for ${to.country}`;
    case "short_code":
      if (s.country !== to.country) return `short code ${s.id} is for ${s.country ?? "no country"}, recipient is in ${to.country}`;
      return carrier.shortCodes ? null : `recipient's carrier does not take short codes`;
    case "alpha": {
      if (!alphaEligibility(to.country).eligible) return `${to.country} does not support alphanumeric sender IDs`;
      if (s.country && s.country !== to.country) return `alpha sender ${s.id} serves ${s.country} only`;
      return null;
    }
    case "long_code":
      if (!s.canSms) return `${s.id} has no SMS capability`;
      if (settings.enforceUsA2p && s.country === "US" && s.sender.a2pRegistered === false) {
        return `US long code ${s.id} is not A2P 10DLC registered`;
      }
      return null;
    case "toll_free":
      return s.canSms ? null : `${s.id} has no SMS capability`;
  }
}
