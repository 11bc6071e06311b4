import type { RecipientCapabilities } from "@/lib/carriers/driver";
import { createRoutingPool, selectSender, singleMappingStore, type RoutingPool, type RoutingSender, type SelectResult, type ServiceSettings, type StickyChannel } from "@/lib/core/routing";
import type { PoolSender } from "./pool-cache";

export interface RouteInput {
  serviceSid: string;
  settings: ServiceSettings;
  pool: PoolSender[];
  to: string;
  body: string;
  mediaUrls: string[];
  capabilities: RecipientCapabilities;
  /** Sticky mapping for (service, channel, recipient) as loaded from sticky_mappings. */
  stickySenderSid: string | null;
}

export type RouteResult =
  | { ok: true; sender: PoolSender; trace: string[]; warnings: string[]; stickyWrite?: { channel: StickyChannel; senderSid: string }; stickyRemove?: { channel: StickyChannel } }
  | { ok: false; error: { code: number; message: string }; trace: string[]; stickyRemove?: { channel: StickyChannel } };

function toRoutingSender(s: PoolSender): RoutingSender {
  return {
    id: s.sid,
    type: s.kind,
    address: s.address,
    country: s.isoCountry || null,
    countries: s.countries,
    capabilities: s.mms ? ["SMS", "MMS"] : ["SMS"],
  };
}

/**
 * lib/core's RoutingPool per service, rebuilt when the pool rows or settings
 * change (pool rows are themselves cached briefly, see pool-cache.ts). Kept
 * across messages so the Scaler's round-robin state carries over in-process.
 */
const routingPools = new Map<string, { key: string; pool: RoutingPool }>();

function routingPoolFor(serviceSid: string, senders: PoolSender[], settings: ServiceSettings): RoutingPool {
  const key = JSON.stringify(settings) + "|" + senders.map((s) => `${s.sid}:${s.address}:${s.isoCountry}:${s.mms}:${s.countries.join(",")}`).join(";");
  const hit = routingPools.get(serviceSid);
  if (hit && hit.key === key) return hit.pool;
  const pool = createRoutingPool(senders.map(toRoutingSender), settings);
  routingPools.set(serviceSid, { key, pool });
  return pool;
}

/** Sender selection at dispatch time: lib/core's selectSender over the service's pool. */
export function routeMessage(input: RouteInput): RouteResult {
  const pool = routingPoolFor(input.serviceSid, input.pool, input.settings);
  const channel: StickyChannel = input.to.startsWith("whatsapp:") ? "whatsapp" : "sms";
  const result: SelectResult = selectSender(
    pool,
    { to: input.to, body: input.body, mediaUrls: input.mediaUrls },
    { sticky: singleMappingStore(channel, input.to, input.stickySenderSid), carrier: input.capabilities },
  );
  const stickyRemove = result.stickyRemove ? { channel: result.stickyRemove.channel } : undefined;
  if (!result.ok) return { ok: false, error: { code: result.error.code, message: result.error.message }, trace: result.trace, stickyRemove };
  const sender = input.pool.find((s) => s.sid === result.sender.id);
  if (!sender) return { ok: false, error: { code: 21703, message: "Selected sender is no longer in the pool" }, trace: result.trace };
  return {
    ok: true,
    sender,
    trace: result.trace,
    warnings: result.warnings.map((w) => w.message),
    stickyWrite: result.stickyWrite ? { channel: result.stickyWrite.channel, senderSid: result.stickyWrite.senderId } : undefined,
    stickyRemove,
  };
}
