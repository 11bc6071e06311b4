/**
 * Reassembly of concatenated mobile-originated messages (UDH with an 8- or
 * 16-bit reference, or the sar_* TLVs). A set is keyed by sender, recipient,
 * reference and part count; it completes when every part arrived (a repeated
 * part replaces the earlier copy: SMSCs resend a deliver_sm whose resp they
 * missed). A set whose first part is older than the timeout is dropped
 * (docs/carriers.md "Inbound (MO)"). The store and the clock are passed in.
 */

export interface MoPart {
  from: string;
  to: string;
  reference: number;
  total: number;
  /** 1-based. */
  sequence: number;
  text: string;
}

export interface PendingSet {
  firstAt: number;
  total: number;
  parts: Map<number, string>;
}

export type MoStore = Map<string, PendingSet>;

export interface DroppedSet {
  from: string;
  to: string;
  reference: number;
  received: number;
  total: number;
}

export function setKey(part: Pick<MoPart, "from" | "to" | "reference" | "total">): string {
  return JSON.stringify([part.from, part.to, part.reference, part.total]);
}

/** True when the part numbers make sense; other parts are delivered as single messages. */
export function isValidPart(part: Pick<MoPart, "total" | "sequence">): boolean {
  return part.total >= 1 && part.total <= 255 && part.sequence >= 1 && part.sequence <= part.total;
}

/**
 * Adds a part; returns the whole text when the set is complete (and removes
 * it from the store), otherwise null.
 */
export function addMoPart(store: MoStore, part: MoPart, now: number): string | null {
  if (part.total === 1) return part.text;
  const key = setKey(part);
  let set = store.get(key);
  if (!set) {
    set = { firstAt: now, total: part.total, parts: new Map() };
    store.set(key, set);
  }
  set.parts.set(part.sequence, part.text);
  if (set.parts.size < set.total) return null;
  store.delete(key);
  let text = "";
  for (let i = 1; i <= set.total; i++) text += set.parts.get(i) ?? "";
  return text;
}

/** Drops the sets older than `timeoutMs` and says which. */
export function expireMoSets(store: MoStore, now: number, timeoutMs: number): DroppedSet[] {
  const dropped: DroppedSet[] = [];
  for (const [key, set] of store) {
    if (now - set.firstAt < timeoutMs) continue;
    store.delete(key);
    const [from, to, reference] = JSON.parse(key) as [string, string, number];
    dropped.push({ from, to, reference, received: set.parts.size, total: set.total });
  }
  return dropped;
}
