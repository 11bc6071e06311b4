/**
 * The one vocabulary for what kind of sender an address is: the routing
 * core, the rate limits (mps.ts), the pipeline and the carrier drivers all
 * speak it.
 */
export const SENDER_TYPES = ["long_code", "toll_free", "short_code", "alpha", "whatsapp", "rcs"] as const;

export type SenderType = (typeof SENDER_TYPES)[number];
