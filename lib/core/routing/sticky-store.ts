import type { StickyChannel } from "./types";

/**
 * Where Sticky Sender mappings (channel, recipient) -> sender id live. The
 * routing core only reads through this interface; writes come back in the
 * selection result (stickyWrite / stickyRemove) so the server can persist
 * them in its own transaction.
 */
export interface StickyStore {
  get(channel: StickyChannel, recipient: string): string | undefined;
  /** Mappings held by a sender (Scaler, with Sticky Sender on). 0 when unknown. */
  mappingCount(channel: StickyChannel, senderId: string): number;
}

/** A store that can also change (the in-memory one; the server's is the database). */
export interface MutableStickyStore extends StickyStore {
  set(channel: StickyChannel, recipient: string, senderId: string): void;
  delete(channel: StickyChannel, recipient: string): void;
  /** Removing a sender deletes its mappings (SPEC 2.8). Returns how many. */
  deleteSender(senderId: string): number;
  /** Points every `channel` mapping whose recipient passes `match` at `senderId`. Returns how many. */
  remap(channel: StickyChannel, match: (recipient: string) => boolean, senderId: string): number;
}

const CHANNELS: readonly StickyChannel[] = ["sms", "whatsapp"];

/**
 * In-memory mappings: one Map<recipient, senderNumber> per channel, sender ids
 * interned to small integers (V8 stores those unboxed) and per-sender counts
 * in typed arrays, so 1,000,000 mappings cost about the keys' strings.
 */
export class MemoryStickyStore implements MutableStickyStore {
  private readonly maps: Record<StickyChannel, Map<string, number>> = { sms: new Map(), whatsapp: new Map() };
  private readonly counts: Record<StickyChannel, Int32Array> = { sms: new Int32Array(64), whatsapp: new Int32Array(64) };
  private readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();

  private intern(senderId: string): number {
    let n = this.numbers.get(senderId);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(senderId);
      this.numbers.set(senderId, n);
      if (n >= this.counts.sms.length) {
        for (const c of CHANNELS) {
          const bigger = new Int32Array(this.counts[c].length * 2);
          bigger.set(this.counts[c]);
          this.counts[c] = bigger;
        }
      }
    }
    return n;
  }

  get(channel: StickyChannel, recipient: string): string | undefined {
    const n = this.maps[channel].get(recipient);
    return n === undefined ? undefined : this.ids[n];
  }

  mappingCount(channel: StickyChannel, senderId: string): number {
    const n = this.numbers.get(senderId);
    return n === undefined ? 0 : (this.counts[channel][n] ?? 0);
  }

  set(channel: StickyChannel, recipient: string, senderId: string): void {
    const n = this.intern(senderId);
    const map = this.maps[channel];
    const old = map.get(recipient);
    if (old === n) return;
    const counts = this.counts[channel];
    if (old !== undefined) counts[old]!--;
    counts[n]!++;
    map.set(recipient, n);
  }

  delete(channel: StickyChannel, recipient: string): void {
    const map = this.maps[channel];
    const old = map.get(recipient);
    if (old === undefined) return;
    this.counts[channel][old]!--;
    map.delete(recipient);
  }

  deleteSender(senderId: string): number {
    const n = this.numbers.get(senderId);
    if (n === undefined) return 0;
    let removed = 0;
    for (const c of CHANNELS) {
      if (this.counts[c][n] === 0) continue;
      const map = this.maps[c];
      for (const [recipient, m] of map) {
        if (m === n) {
          map.delete(recipient);
          removed++;
        }
      }
      this.counts[c][n] = 0;
    }
    return removed;
  }

  remap(channel: StickyChannel, match: (recipient: string) => boolean, senderId: string): number {
    const n = this.intern(senderId);
    const map = this.maps[channel];
    const counts = this.counts[channel];
    let changed = 0;
    for (const [recipient, m] of map) {
      if (m === n || !match(recipient)) continue;
      counts[m]!--;
      counts[n]!++;
      map.set(recipient, n);
      changed++;
    }
    return changed;
  }

  size(channel: StickyChannel): number {
    return this.maps[channel].size;
  }

  /** Mappings of a channel, for display (the Sender Pool page lists them). */
  *entries(channel: StickyChannel): IterableIterator<[recipient: string, senderId: string]> {
    for (const [r, n] of this.maps[channel]) yield [r, this.ids[n]!];
  }
}

/**
 * The server's view: the one mapping it loaded for this recipient (or none),
 * plus optional per-sender counts for the Scaler.
 */
export function singleMappingStore(
  channel: StickyChannel,
  recipient: string,
  senderId: string | null,
  counts: ReadonlyMap<string, number> = new Map(),
): StickyStore {
  return {
    get: (c, r) => (senderId !== null && c === channel && r === recipient ? senderId : undefined),
    mappingCount: (c, id) => (c === channel ? (counts.get(id) ?? 0) : 0),
  };
}
