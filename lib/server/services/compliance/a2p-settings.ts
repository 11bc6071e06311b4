import { DEFAULT_VETTING_DELAY_MS } from "@/lib/core/a2p/vetting";

/**
 * How long the simulated vetting takes (A2P_VETTING_DELAY_MS, default 30 s),
 * and whether sending enforces registration (A2P_10DLC_ENFORCEMENT=on):
 * off by default so an installation upgraded to this version keeps sending
 * from its US long codes until it has registered (docs/api.md "A2P 10DLC").
 */
export function vettingDelayMs(): number {
  const v = Number(process.env.A2P_VETTING_DELAY_MS);
  return Number.isFinite(v) && v >= 0 && process.env.A2P_VETTING_DELAY_MS !== "" && process.env.A2P_VETTING_DELAY_MS !== undefined ? v : DEFAULT_VETTING_DELAY_MS;
}

export const a2pEnforced = () => process.env.A2P_10DLC_ENFORCEMENT === "on";
