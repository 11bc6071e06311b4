import { LRUCache } from "lru-cache";
import { subscribeCache } from "@/lib/server/cache/cache-invalidation";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

export interface SimRuleInput {
  prefix: string;
  outcome: "delivered" | "undelivered" | "failed";
  errorCode?: number | null;
  noShortCode?: boolean;
  noMms?: boolean;
  rcsCapable?: boolean;
  latencyMs?: number;
}

export interface SimRuleView extends Required<Omit<SimRuleInput, "errorCode">> {
  errorCode: number | null;
}

const DEFAULT_RULE: SimRuleView = { prefix: "", outcome: "delivered", errorCode: null, noShortCode: false, noMms: false, rcsCapable: false, latencyMs: 0 };

/** Upsert by (account, prefix). Undelivered/failed without a code get 30003 / 30008. */
export async function setSimRule(accountSid: string, input: SimRuleInput): Promise<SimRuleView> {
  if (!/^\+?\d*$/.test(input.prefix)) throw new AppError(20001, "Prefix must be digits, optionally starting with +", 400);
  const errorCode = input.outcome === "delivered" ? null : (input.errorCode ?? (input.outcome === "failed" ? 30008 : 30003));
  const data = {
    outcome: input.outcome,
    errorCode,
    noShortCode: input.noShortCode ?? false,
    noMms: input.noMms ?? false,
    rcsCapable: input.rcsCapable ?? false,
    latencyMs: input.latencyMs ?? 0,
  };
  const prefix = normalizePrefix(input.prefix);
  await db.simRule.upsert({ where: { accountSid_prefix: { accountSid, prefix } }, create: { accountSid, prefix, ...data }, update: data });
  invalidateRules(accountSid);
  return { prefix, ...data };
}

export async function deleteSimRule(accountSid: string, prefix: string): Promise<boolean> {
  const r = await db.simRule.deleteMany({ where: { accountSid, prefix: normalizePrefix(prefix) } });
  invalidateRules(accountSid);
  return r.count > 0;
}

export async function listSimRules(accountSid: string): Promise<SimRuleView[]> {
  const rows = await db.simRule.findMany({ where: { accountSid }, orderBy: { prefix: "asc" } });
  return rows.map((r) => ({ prefix: r.prefix, outcome: r.outcome as SimRuleView["outcome"], errorCode: r.errorCode, noShortCode: r.noShortCode, noMms: r.noMms, rcsCapable: r.rcsCapable, latencyMs: r.latencyMs }));
}

/** Rules compare against the number with its "+" (and any channel prefix) removed. */
function normalizePrefix(p: string): string {
  return p.replace(/^\+/, "");
}

/**
 * Rules are read on every submit, so each process caches an account's rules
 * briefly. A change made through another process (the control API runs in
 * Next, workers elsewhere) reaches this one as a notification at commit
 * (docs/operations.md "Scale-out"), at the latest within RULE_TTL_MS (2 s).
 */
const RULE_TTL_MS = 2_000; // > the pipeline's longest in-process slot wait, so prepare() keeps it warm
// Concurrent misses share one query (no stampede of submits when the rules expire).
const cache = new LRUCache<string, SimRuleView[]>({
  max: 10_000,
  ttl: RULE_TTL_MS,
  ignoreFetchAbort: true,
  fetchMethod: async (accountSid) => (await listSimRules(accountSid)).sort((a, b) => b.prefix.length - a.prefix.length),
});

function invalidateRules(accountSid: string) {
  cache.delete(accountSid);
}
subscribeCache("sim_rules", { invalidate: invalidateRules, reset: () => cache.clear() });

/** The longest matching prefix wins; no rule means delivered after 0 ms. */
export async function ruleFor(accountSid: string, to: string): Promise<SimRuleView> {
  const rules = (await cache.fetch(accountSid)) ?? [];
  const digits = to.replace(/^[a-z]+:/i, "").replace(/^\+/, "");
  return rules.find((r) => digits.startsWith(r.prefix)) ?? DEFAULT_RULE;
}
