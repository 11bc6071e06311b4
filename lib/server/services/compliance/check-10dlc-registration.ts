import { campaignStatus } from "@/lib/core/a2p/vetting";
import { checkE164 } from "@/lib/core/senders/phone-number";
import { db } from "@/lib/server/db/client";
import { a2pEnforcement, vettingDelayMs } from "./a2p-settings";

/** Twilio's error for a US 10DLC message from a number without a verified campaign. */
export const UNREGISTERED_10DLC_ERROR = 30034;

/**
 * Whether a message must fail with 30034 (docs/api.md "A2P 10DLC"): a US
 * long code (10DLC: not toll-free, not a short code) sending to a US number
 * from a service whose campaign is not VERIFIED (PENDING or FAILED); without
 * any campaign only when enforcement is `on` (Twilio's rule; the default,
 * `registered`, lets services that never registered keep sending).
 * Called by the dispatcher once the sender is chosen.
 */
export async function unregistered10dlc(serviceSid: string | null, sender: { kind: string; isoCountry: string }, to: string, now = new Date()): Promise<boolean> {
  const mode = a2pEnforcement();
  if (mode === "off" || sender.kind !== "long_code" || sender.isoCountry !== "US") return false;
  const dest = checkE164(to);
  if (!dest.ok || dest.isoCountry !== "US") return false;
  if (!serviceSid) return mode === "on";
  const c = await db.a2pCampaign.findUnique({ where: { serviceSid }, include: { brand: true } });
  if (!c) return mode === "on";
  return campaignStatus(c, c.brand, now, vettingDelayMs()) !== "VERIFIED";
}
