import { config } from "@/lib/server/config";

/**
 * How long the simulated vetting takes (A2P_VETTING_DELAY_MS, default 30 s),
 * and whether sending enforces registration (A2P_10DLC_ENFORCEMENT=on):
 * off by default so an installation upgraded to this version keeps sending
 * from its US long codes until it has registered (docs/api.md "A2P 10DLC").
 */
export const vettingDelayMs = (): number => config().A2P_VETTING_DELAY_MS;

export const a2pEnforced = (): boolean => config().A2P_10DLC_ENFORCEMENT === "on";
