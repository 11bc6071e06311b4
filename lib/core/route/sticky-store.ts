import { E164Table, e164Key } from "./e164-table";
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
 * In-memory store: per channel, an E164Table from the recipient's number to
 * an index into the interned sender ids (a Map holds the rare recipient that
 * is not "+digits"). docs/performance.md has the measured size and speed.
 */
class ChannelMappings {
  readonly table = new E164Table();
  readonly other = new Map<string, number>();
}

export class InMemoryStickyStore implements StickyStore {
  private readonly channels: Record<StickyChannel, ChannelMappings> = { sms: new ChannelMappings(), whatsapp: new ChannelMappings() };
  private readonly ids: string[] = [];
  private readonly idIndex = new Map<string, number>();

  private intern(senderId: string): number {
    let i = this.idIndex.get(senderId);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(senderId);
      this.idIndex.set(senderId, i);
    }
    return i;
  }

  get(channel: StickyChannel, recipient: string): string | undefined {
    const c = this.channels[channel];
    const key = e164Key(recipient);
    const i = key === key ? c.table.get(key) : c.other.get(recipient);
    return i === undefined ? undefined : this.ids[i];
  }

  set(channel: StickyChannel, recipient: string, senderId: string): void {
    const c = this.channels[channel];
    const key = e164Key(recipient);
    if (key === key) c.table.set(key, this.intern(senderId));
    else c.other.set(recipient, this.intern(senderId));
  }

  delete(channel: StickyChannel, recipient: string): boolean {
    const c = this.channels[channel];
    const key = e164Key(recipient);
    return key === key ? c.table.delete(key) : c.other.delete(recipient);
  }

  deleteBySender(senderId: string): number {
    const target = this.idIndex.get(senderId);
    if (target === undefined) return 0;
    let removed = 0;
    for (const c of Object.values(this.channels)) {
      const doomed: number[] = [];
      c.table.forEach((k, v) => {
        if (v === target) doomed.push(k);
      });
      for (const k of doomed) c.table.delete(k);
      removed += doomed.length;
      for (const [r, v] of c.other) {
        if (v === target) {
          c.other.delete(r);
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
    const c = this.channels[channel];
    const to = this.intern(senderId);
    const moved: number[] = [];
    c.table.forEach((k, v) => {
      const id = this.ids[v] as string;
      if (v !== to && matches(`+${k}`, id)) {
        moved.push(k);
        lost.set(id, (lost.get(id) ?? 0) + 1);
      }
    });
    for (const k of moved) c.table.set(k, to);
    for (const [r, v] of c.other) {
      const id = this.ids[v] as string;
      if (v !== to && matches(r, id)) {
        c.other.set(r, to);
        lost.set(id, (lost.get(id) ?? 0) + 1);
      }
    }
    return lost;
  }

  size(channel: StickyChannel): number {
    const c = this.channels[channel];
    return c.table.size + c.other.size;
  }

  /** All mappings of a channel, for display and tests. */
  *entries(channel: StickyChannel): IterableIterator<[string, string]> {
    const c = this.channels[channel];
    const out: [string, string][] = [];
    c.table.forEach((k, v) => out.push([`+${k}`, this.ids[v] as string]));
    for (const [r, v] of c.other) out.push([r, this.ids[v] as string]);
    yield* out;
  }
}
