import { effectiveMps } from "../senders/mps";
import { RoutingPool } from "../route/pool";
import type { Sender } from "../route/types";
import type { SenderType } from "../senders/sender-type";

/** A pool sender as the scaling estimate needs it: routing facts plus its own MPS. */
export interface ScalingSender {
  sid: string;
  type: SenderType;
  /** E.164, short code, alpha ID, `whatsapp:+E164` or `rcs:agent`. */
  address: string;
  /** ISO country; "" for a service-wide alpha sender. */
  country: string;
  /** RCS: countries the agent is approved for. */
  countries: readonly string[];
  sms: boolean;
  mms: boolean;
  /** The sender row's own limit; null: its type's default. */
  mps: number | null;
}

/** The routing core's pool for these senders, built the way dispatch builds it (lib/server/pipeline/route-message.ts). */
export function routingPoolOf(senders: readonly ScalingSender[]): RoutingPool {
  return new RoutingPool(
    senders.map((s) => {
      const out: Sender = { id: s.sid, type: s.type, address: s.address, capabilities: s.mms ? ["SMS", "MMS"] : s.sms ? ["SMS"] : ["Voice"] };
      if (s.country) out.country = s.country;
      if (s.countries.length) out.countries = [...s.countries];
      return out;
    }),
  );
}

/**
 * Messages per second a sender really leaves at: the limiter spaces its
 * slots (1000 ms + safetyMs) / mps apart, rounded up to the microsecond
 * (docs/pipeline.md "Messages-per-second limiter"), so 1 MPS is 0.952/s.
 */
export function pacedMps(type: SenderType, own: number | null, safetyMs: number): number {
  const spacingMicros = Math.ceil(((1000 + safetyMs) * 1000) / effectiveMps(type, own));
  return 1_000_000 / spacingMicros;
}
