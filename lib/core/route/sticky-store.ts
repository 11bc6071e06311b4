import type { StickyChannel, StickyWrite } from "./types";

/**
 * What selectSender needs from sticky mappings: the mapping of one recipient.
 * The server can implement it over the rows it loaded for that recipient;
 * mapping counts per sender live in the pool's LoadTracker.
 */
export interface StickyReader {
  get(channel: StickyChannel, recipient: string): string | undefined;
}

/** A full mapping store: (channel, recipient) → sender id. */
export interface StickyStore extends StickyReader {
  set(channel: StickyChannel, recipient: string, senderId: string): void;
  delete(channel: StickyChannel, recipient: string): boolean;
  /** Removes every mapping to a sender (the sender left the pool); returns how many. */
  deleteBySender(senderId: string): number;
  /**
   * Points every `channel` mapping whose recipient and current sender satisfy
   * `matches` to `senderId` (a sender of a new country joined the pool).
   * Returns, per sender id that lost mappings, how many it lost.
   */
  remap(
    channel: StickyChannel,
    matches: (recipient: string, currentSenderId: string) => boolean,
    senderId: string,
  ): Map<string, number>;
  size(channel: StickyChannel): number;
}

/** A StickyReader over the mappings already loaded for one recipient (e.g. DB rows). */
export function stickyReaderFromRows(rows: readonly StickyWrite[]): StickyReader {
  return {
    get(channel, recipient) {
      return rows.find((r) => r.channel === channel && r.recipient === recipient)?.senderId;
    },
  };
}

/**
 * In-memory store: one Map per channel keyed by recipient E.164. Values are
 * the sender id strings the pool already holds, so a mapping costs one Map
 * entry and its key string (docs/performance.md has the measured size).
 */
export class InMemoryStickyStore implements StickyStore {
  private readonly maps: Record<StickyChannel, Map<string, string>> = {
    sms: new Map(),
    whatsapp: new Map(),
  };

  get(channel: StickyChannel, recipient: string): string | undefined {
    return this.maps[channel].get(recipient);
  }

  set(channel: StickyChannel, recipient: string, senderId: string): void {
    this.maps[channel].set(recipient, senderId);
  }

  delete(channel: StickyChannel, recipient: string): boolean {
    return this.maps[channel].delete(recipient);
  }

  deleteBySender(senderId: string): number {
    let removed = 0;
    for (const map of Object.values(this.maps)) {
      for (const [recipient, id] of map) {
        if (id === senderId) {
          map.delete(recipient);
          removed++;
        }
      }
    }
    return removed;
  }

  remap(
    channel: StickyChannel,
    matches: (recipient: string, currentSenderId: string) => boolean,
    senderId: string,
  ): Map<string, number> {
    const lost = new Map<string, number>();
    const map = this.maps[channel];
    for (const [recipient, id] of map) {
      if (id !== senderId && matches(recipient, id)) {
        map.set(recipient, senderId);
        lost.set(id, (lost.get(id) ?? 0) + 1);
      }
    }
    return lost;
  }

  size(channel: StickyChannel): number {
    return this.maps[channel].size;
  }

  /** All mappings of a channel, for display and tests. */
  entries(channel: StickyChannel): IterableIterator<[string, string]> {
    return this.maps[channel].entries();
  }
}
