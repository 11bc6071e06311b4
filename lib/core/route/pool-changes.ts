import { phoneNumberFacts } from "../phone/parse-address";
import type { IndexedSender, RoutingPool } from "./pool";
import type { StickyStore } from "./sticky-store";
import type { Sender, SelectResult } from "./types";

/*
 * Pool and sticky-store changes that must happen together (docs/product.md "Sticky Sender"). The
 * server does the same against its tables; these are the in-memory versions
 * used by the scenario runner, the benchmarks and tests.
 */

/** Persists a decision's sticky changes and keeps the Scaler's mapping counts in step. */
export function applyStickyChanges(pool: RoutingPool, store: StickyStore, result: SelectResult): void {
  const counts = pool.load.mappings;
  if (result.stickyDelete) {
    const { channel, recipient } = result.stickyDelete;
    const old = store.get(channel, recipient);
    if (store.delete(channel, recipient) && old !== undefined) {
      const s = pool.get(old);
      if (s) counts[s.index] = (counts[s.index] ?? 0) - 1;
    }
  }
  if (result.ok && result.stickyWrite) {
    const { channel, recipient, senderId } = result.stickyWrite;
    const old = store.get(channel, recipient);
    if (old !== undefined) {
      const prev = pool.get(old);
      if (prev) counts[prev.index] = (counts[prev.index] ?? 0) - 1;
    }
    store.set(channel, recipient, senderId);
    const s = pool.get(senderId);
    if (s) counts[s.index] = (counts[s.index] ?? 0) + 1;
  }
}

/** Removing a sender deletes its mappings. Returns how many were deleted. */
export function removeSenderWithMappings(pool: RoutingPool, store: StickyStore, senderId: string): number {
  const removed = store.deleteBySender(senderId);
  pool.removeSender(senderId);
  return removed;
}

const PHONE_TYPES = new Set(["long_code", "toll_free", "short_code"]);

function isCountryPhoneSender(s: IndexedSender, country: string): boolean {
  return PHONE_TYPES.has(s.type) && s.canSms && s.country === country;
}

export interface AddSenderOutcome {
  sender: IndexedSender;
  /** SMS mappings moved to the new sender (new country). */
  remapped: number;
}

/**
 * Adds a sender. When it is the pool's first SMS/MMS-capable phone sender of
 * its country, SMS mappings of recipients in that country that point to a
 * long code or toll-free number of another country move to it.
 */
export function addSenderWithRemap(pool: RoutingPool, store: StickyStore, sender: Sender): AddSenderOutcome {
  const existing = pool.get(sender.id);
  const added = pool.addSender(sender);
  const country = added.country;
  if (!country || !isCountryPhoneSender(added, country)) return { sender: added, remapped: 0 };
  const newCountry = !pool.senders.some((s) => s !== added && isCountryPhoneSender(s, country));
  if (!newCountry || existing) return { sender: added, remapped: 0 };

  const remapFrom = (id: string): boolean => {
    const s = pool.get(id);
    return s !== undefined && (s.type === "long_code" || s.type === "toll_free") && s.country !== country;
  };
  // Recipient country is derived from the number; remapping is rare, so no index is kept.
  const lost = store.remap(
    "sms",
    (recipient, current) => remapFrom(current) && phoneNumberFacts(recipient).country === country,
    added.id,
  );
  let total = 0;
  for (const [id, n] of lost) {
    const s = pool.get(id);
    if (s) pool.load.mappings[s.index] = (pool.load.mappings[s.index] ?? 0) - n;
    total += n;
  }
  pool.load.mappings[added.index] = (pool.load.mappings[added.index] ?? 0) + total;
  return { sender: added, remapped: total };
}
