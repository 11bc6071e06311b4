import type { RecipientCapabilities } from "@/lib/carriers/driver";
import { parseAddress } from "@/lib/core/phone/parse-address";
import { RoutingPool } from "@/lib/core/route/pool";
import { selectSender } from "@/lib/core/route/select-sender";
import { stickyReaderFromRows } from "@/lib/core/route/sticky-store";
import type { Sender, ServiceSettings, StickyChannel } from "@/lib/core/route/types";
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

function toSender(s: PoolSender): Sender {
  const sender: Sender = { id: s.sid, type: s.kind, address: s.address, capabilities: s.mms ? ["SMS", "MMS"] : ["SMS"] };
  if (s.isoCountry) sender.country = s.isoCountry;
  if (s.countries.length) sender.countries = s.countries;
  return sender;
}

/**
 * lib/core's RoutingPool per service, rebuilt when the pool rows change
 * (pool rows are themselves cached briefly, see pool-cache.ts). Kept across
 * messages so the Scaler's round-robin state carries over in-process.
 */
const routingPools = new Map<string, { key: string; pool: RoutingPool }>();

function routingPoolFor(serviceSid: string, senders: PoolSender[]): RoutingPool {
  const key = senders.map((s) => `${s.sid}:${s.address}:${s.isoCountry}:${s.mms}:${s.countries.join(",")}`).join(";");
  const hit = routingPools.get(serviceSid);
  if (hit && hit.key === key) return hit.pool;
  const pool = new RoutingPool(senders.map(toSender));
  routingPools.set(serviceSid, { key, pool });
  return pool;
}

/** Sender selection at dispatch time: lib/core's selectSender over the service's pool. */
export function routeMessage(input: RouteInput): RouteResult {
  const parsed = parseAddress(input.to);
  if (!parsed.ok) return { ok: false, error: { code: parsed.error.code, message: parsed.error.message }, trace: [`to: ${parsed.error.message}`] };
  const to = parsed.address;
  const pool = routingPoolFor(input.serviceSid, input.pool);
  const channel: StickyChannel = to.channel === "whatsapp" ? "whatsapp" : "sms";
  const result = selectSender(
    pool,
    { to, hasMedia: input.mediaUrls.length > 0 },
    {
      settings: input.settings,
      carrier: { shortCodes: input.capabilities.shortCode, mms: input.capabilities.mms, rcs: input.capabilities.rcs },
      sticky: stickyReaderFromRows(input.stickySenderSid ? [{ channel, recipient: to.e164, senderId: input.stickySenderSid }] : []),
    },
  );
  const stickyRemove = result.stickyDelete ? { channel: result.stickyDelete.channel } : undefined;
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
