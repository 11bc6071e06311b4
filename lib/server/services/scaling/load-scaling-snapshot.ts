import "server-only";
import { checkCountryRules, type RuleHit } from "@/lib/core/scaling/check-country-rules";
import { destinationOfPrefix } from "@/lib/core/scaling/destination";
import { countAtRisk, estimateQueue } from "@/lib/core/scaling/estimate-queue";
import { pacedMps, routingPoolOf, type ScalingSender } from "@/lib/core/scaling/pool";
import { detectSnowshoeing, type SnowshoeFinding } from "@/lib/core/scaling/snowshoe";
import { suggestSenders, type Suggestion } from "@/lib/core/scaling/suggest-senders";
import type { ServingTier } from "@/lib/core/scaling/serving-senders";
import { SAFETY_MS } from "@/lib/server/pipeline/rate-slots";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import {
  contentSpread,
  databaseNowMs,
  loadScalingPool,
  queuedBuckets,
  queuedPrefixes,
  recentPrefixes,
  scheduledCount,
  senderVolumes,
} from "./scaling-queries";

export interface ScalingGroupJson {
  key: string;
  tier: ServingTier;
  countries: string[];
  senders: number;
  capacityMps: number;
  depth: number;
  drainSeconds: number | null;
  atRisk: number;
}

export interface BusySenderJson {
  sid: string;
  address: string;
  type: ScalingSender["type"];
  mps: number;
  lastHour: number;
  last24h: number;
  /** Share of the sender's paced capacity used over the last hour (0-1). */
  utilization: number;
}

/** What the Scaling tab shows and polls (docs/scaling.md). */
export interface ScalingSnapshot {
  generatedAt: string;
  depth: number;
  scheduled: number;
  drainSeconds: number | null;
  atRisk: number;
  unroutable: number;
  capacityMps: number;
  groups: ScalingGroupJson[];
  busiest: BusySenderJson[];
  suggestions: Suggestion[];
  snowshoe: SnowshoeFinding[];
  rules: RuleHit[];
}

const isNumber = (s: ScalingSender) => s.type === "long_code" || s.type === "toll_free";

/** Country rules and snowshoeing for a pool: the Sender Pool page's warnings slot and the Scaling tab. */
async function poolFindings(accountSid: string, serviceSid: string, senders: ScalingSender[], areaCodeGeomatch: boolean, queuedPrefixes: string[]) {
  const [prefixes, spreads] = await Promise.all([recentPrefixes(accountSid, serviceSid), contentSpread(accountSid, senders.filter(isNumber).map((s) => s.address))]);
  const countries = [...prefixes, ...queuedPrefixes].flatMap((p) => {
    const d = destinationOfPrefix(p);
    return d && d.channel === "sms" ? [d.country] : [];
  });
  return { rules: checkCountryRules(routingPoolOf(senders), countries, { areaCodeGeomatch }), snowshoe: detectSnowshoeing(spreads) };
}

/** The Sender Pool page's scaling warnings; another account's service is not found (404). */
export async function loadPoolScalingWarnings(accountSid: string, serviceSid: string): Promise<{ rules: RuleHit[]; snowshoe: SnowshoeFinding[] }> {
  const service = await getService(accountSid, serviceSid);
  const senders = await loadScalingPool(accountSid, service.sid);
  return poolFindings(accountSid, service.sid, senders, service.areaCodeGeomatch, []);
}

/**
 * Queue depth, drain time, messages at risk of expiring, the busiest
 * senders, suggestions and warnings for one service, scoped to the account
 * (another account's service is not found: 404).
 */
export async function loadScalingSnapshot(accountSid: string, serviceSid: string): Promise<ScalingSnapshot> {
  const service = await getService(accountSid, serviceSid);
  const [senders, buckets, scheduled, nowMs] = await Promise.all([
    loadScalingPool(accountSid, service.sid),
    queuedBuckets(accountSid, service.sid),
    scheduledCount(accountSid, service.sid),
    databaseNowMs(),
  ]);
  const queued = queuedPrefixes(buckets);
  const pool = routingPoolOf(senders);
  const estimate = estimateQueue({ pool, senders, queued, areaCodeGeomatch: service.areaCodeGeomatch, nowMs, safetyMs: SAFETY_MS });
  const [volumes, findings] = await Promise.all([
    senderVolumes(accountSid, senders.map((s) => s.address)),
    poolFindings(accountSid, service.sid, senders, service.areaCodeGeomatch, queued.map((q) => q.prefix)),
  ]);

  let atRisk = 0;
  const suggestions: Suggestion[] = [];
  const groups: ScalingGroupJson[] = estimate.groups.map((g) => {
    const risk = g.atRiskPossible ? countAtRisk(g.prefixes.flatMap((p) => buckets.get(p) ?? []), g.capacityMps, nowMs) : 0;
    atRisk += risk;
    suggestions.push(...suggestSenders(g, risk, SAFETY_MS));
    return { key: g.key, tier: g.tier, countries: g.countries, senders: g.senderSids.length, capacityMps: g.capacityMps, depth: g.depth, drainSeconds: g.drainSeconds, atRisk: risk };
  });

  const byAddress = new Map(volumes.map((v) => [v.address, v]));
  const busiest = senders
    .map((s): BusySenderJson => {
      const v = byAddress.get(s.address);
      const lastHour = v?.lastHour ?? 0;
      return { sid: s.sid, address: s.address, type: s.type, mps: pacedMps(s.type, s.mps, SAFETY_MS), lastHour, last24h: v?.last24h ?? 0, utilization: Math.min(1, lastHour / (pacedMps(s.type, s.mps, SAFETY_MS) * 3600)) };
    })
    .filter((b) => b.last24h > 0)
    .sort((a, b) => b.lastHour - a.lastHour || b.last24h - a.last24h)
    .slice(0, 50);

  return {
    generatedAt: new Date(nowMs).toISOString(),
    depth: estimate.depth,
    scheduled,
    drainSeconds: estimate.drainSeconds,
    atRisk,
    unroutable: estimate.unroutable,
    capacityMps: senders.reduce((sum, s) => sum + pacedMps(s.type, s.mps, SAFETY_MS), 0),
    groups,
    busiest,
    suggestions,
    snowshoe: findings.snowshoe,
    rules: findings.rules,
  };
}
