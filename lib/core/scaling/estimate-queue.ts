import type { RoutingPool } from "../route/pool";
import { destinationKey, destinationOfPrefix, type Destination } from "./destination";
import { pacedMps, type ScalingSender } from "./pool";
import { servingSenders, type ServingTier } from "./serving-senders";

/** Queued messages of one recipient prefix (the queries' `left(to, …)`), with their validity deadlines. */
export interface QueuedPrefix {
  prefix: string;
  count: number;
  /** Epoch ms of the earliest deadline: (SendAt or creation) + ValidityPeriod. */
  earliestDeadlineMs: number;
}

/** Messages sharing the same serving senders: they queue behind each other. */
export interface QueueGroup {
  /** The serving senders' SIDs, sorted and joined; "none" when no sender can take them. */
  key: string;
  tier: ServingTier;
  destinations: Destination[];
  /** Distinct countries of the destinations, sorted. */
  countries: string[];
  prefixes: string[];
  /** Waiting messages per country (a group may hold several countries' traffic). */
  countryDepth: Record<string, number>;
  senderSids: string[];
  /** Messages per second the group's senders leave at together (paced, docs/pipeline.md). */
  capacityMps: number;
  depth: number;
  /** Seconds until the last queued message leaves at that pace; null when no sender can send them. */
  drainSeconds: number | null;
  earliestDeadlineMs: number;
  /**
   * Whether some message may expire before its turn: the earliest deadline
   * comes before the group's drain ends. Only then is countAtRisk worth
   * running over its deadlines.
   */
  atRiskPossible: boolean;
}

export interface QueueEstimate {
  depth: number;
  /** The slowest group's drain time (groups drain in parallel); null when nothing can drain some messages. */
  drainSeconds: number | null;
  groups: QueueGroup[];
  /** Queued messages no pool sender can take (they fail 21703 at dispatch). */
  unroutable: number;
}

export interface EstimateInput {
  pool: RoutingPool;
  senders: readonly ScalingSender[];
  queued: readonly QueuedPrefix[];
  areaCodeGeomatch: boolean;
  nowMs: number;
  /** The limiter's safety margin per slot (lib/server/pipeline/rate-slots.ts SAFETY_MS). */
  safetyMs: number;
}

/**
 * Queue depth and drain time per group of destinations served by the same
 * senders (docs/scaling.md "Drain time"). Each message goes to the senders
 * routing would pick for its destination; a group drains at the sum of its
 * senders' paced MPS. One slot is one message, whatever its segments, as
 * the limiter reserves them.
 */
export function estimateQueue(input: EstimateInput): QueueEstimate {
  const bySid = new Map(input.senders.map((s) => [s.sid, s]));
  const groups = new Map<string, QueueGroup>();
  for (const q of input.queued) {
    const dest = destinationOfPrefix(q.prefix) ?? { channel: "sms" as const, country: "??" };
    const serving = dest.country === "??" ? { tier: "none" as const, senders: [] } : servingSenders(input.pool, dest, { areaCodeGeomatch: input.areaCodeGeomatch });
    const sids = serving.senders.map((s) => s.id).sort();
    const key = sids.length ? sids.join(",") : "none";
    let g = groups.get(key);
    if (!g) {
      const capacityMps = sids.reduce((sum, sid) => {
        const s = bySid.get(sid);
        return s ? sum + pacedMps(s.type, s.mps, input.safetyMs) : sum;
      }, 0);
      g = { key, tier: serving.tier, destinations: [], countries: [], prefixes: [], countryDepth: {}, senderSids: sids, capacityMps, depth: 0, drainSeconds: null, earliestDeadlineMs: Infinity, atRiskPossible: false };
      groups.set(key, g);
    }
    if (!g.destinations.some((d) => destinationKey(d) === destinationKey(dest))) g.destinations.push(dest);
    if (!g.countries.includes(dest.country)) g.countries.push(dest.country);
    g.prefixes.push(q.prefix);
    g.countryDepth[dest.country] = (g.countryDepth[dest.country] ?? 0) + q.count;
    g.depth += q.count;
    g.earliestDeadlineMs = Math.min(g.earliestDeadlineMs, q.earliestDeadlineMs);
  }
  let depth = 0;
  let unroutable = 0;
  let drainSeconds: number | null = 0;
  for (const g of groups.values()) {
    g.countries.sort();
    depth += g.depth;
    if (g.capacityMps > 0) {
      g.drainSeconds = g.depth / g.capacityMps;
      g.atRiskPossible = g.earliestDeadlineMs < input.nowMs + g.drainSeconds * 1000;
      if (drainSeconds !== null) drainSeconds = Math.max(drainSeconds, g.drainSeconds);
    } else {
      unroutable += g.depth;
      drainSeconds = null;
    }
  }
  const ordered = [...groups.values()].sort((a, b) => (b.drainSeconds ?? Infinity) - (a.drainSeconds ?? Infinity) || b.depth - a.depth);
  return { depth, drainSeconds: groups.size ? drainSeconds : 0, groups: ordered, unroutable };
}

/** Deadlines of a group's queued messages, bucketed (the query rounds them down to the second). */
export interface DeadlineBucket {
  deadlineMs: number;
  count: number;
}

/**
 * Messages whose deadline comes before their estimated send time: sent in
 * deadline order (creation order when the validity period is the same, as
 * the queue sends them), the k-th (from 0) leaves k / rate seconds from now.
 */
export function countAtRisk(buckets: readonly DeadlineBucket[], capacityMps: number, nowMs: number): number {
  const sorted = [...buckets].sort((a, b) => a.deadlineMs - b.deadlineMs);
  let position = 0;
  let atRisk = 0;
  for (const b of sorted) {
    // Positions k with now + k / rate > deadline, i.e. k > (deadline - now) * rate.
    const lastOnTime = Math.floor(((b.deadlineMs - nowMs) / 1000) * capacityMps);
    const firstLate = Math.max(position, lastOnTime + 1);
    atRisk += Math.max(0, position + b.count - firstLate);
    position += b.count;
  }
  return atRisk;
}
