import { config } from "@/lib/server/config";

/**
 * How long the simulated vetting takes (A2P_VETTING_DELAY_MS, default 30 s),
 * and when sending enforces registration (A2P_10DLC_ENFORCEMENT,
 * docs/api.md "A2P 10DLC"): `on` is Twilio's rule (a US long code needs a
 * verified campaign); `registered`, the default, applies it to services that
 * have started a registration, so an installation upgraded to this version
 * keeps sending from services that never registered; `off` never refuses.
 */
export const vettingDelayMs = (): number => config().A2P_VETTING_DELAY_MS;

export type A2pEnforcement = ReturnType<typeof config>["A2P_10DLC_ENFORCEMENT"];

export const a2pEnforcement = (): A2pEnforcement => config().A2P_10DLC_ENFORCEMENT;
