import { overlayComplexOf, parseE164 } from "@/lib/core/address/parse-address";
import type { MutableStickyStore } from "./sticky-store";
import { DEFAULT_SERVICE_SETTINGS, type RoutingSender, type SenderType, type ServiceSettings } from "./types";

/** A pool member with what routing derives from it once, when the pool changes. */
export interface PoolEntry {
  /** Never reused, so load counters and round-robin stamps stay with one sender. */
  slot: number;
  sender: RoutingSender;
  type: SenderType;
  /** Effective country: own, else the number's; null = service-wide alpha (or unknown). */
  country: string | null;
  /** +1 long codes and toll-free numbers: area code. */
  npa: string | null;
  sms: boolean;
  mms: boolean;
  /** RCS: approved countries. */
  rcsCountries: ReadonlySet<string>;
}

/** Entries of one family (all numbers / long codes / toll-free) indexed for geomatch. */
export interface GeoIndex {
  all: PoolEntry[];
  byCountry: Map<string, PoolEntry[]>;
  /** US or Canadian numbers. */
  usCa: PoolEntry[];
  byNpa: Map<string, PoolEntry[]>;
  /** Recipient NPA -> senders on another NPA of its overlayComplex. */
  overlay: Map<string, PoolEntry[]>;
}

export interface PoolIndexes {
  rcs: PoolEntry[];
  rcsByCountry: Map<string, PoolEntry[]>;
  shortByCountry: Map<string, PoolEntry[]>;
  hasShortCodes: boolean;
  alphaDefault: PoolEntry[];
  alphaByCountry: Map<string, PoolEntry[]>;
  hasAlpha: boolean;
  phone: GeoIndex;
  long: GeoIndex;
  tollFree: GeoIndex;
  whatsapp: PoolEntry[];
  whatsappByCountry: Map<string, PoolEntry[]>;
  /** SMS-capable senders (numbers + short codes), for the RCS fallback. */
  smsCapable: PoolEntry[];
  /** Countries served by an SMS-channel sender with a country (remap on add). */
  smsCountries: Set<string>;
}

function push<K>(m: Map<K, PoolEntry[]>, k: K, e: PoolEntry): void {
  const list = m.get(k);
  if (list) list.push(e);
  else m.set(k, [e]);
}

function geoIndex(entries: PoolEntry[]): GeoIndex {
  const g: GeoIndex = { all: entries, byCountry: new Map(), usCa: [], byNpa: new Map(), overlay: new Map() };
  for (const e of entries) {
    if (e.country) push(g.byCountry, e.country, e);
    if (e.country === "US" || e.country === "CA") g.usCa.push(e);
    if (e.npa) push(g.byNpa, e.npa, e);
  }
  // overlayComplex is symmetric (data/README.md), so a sender on NPA x
  // serves recipients on every other NPA of x's complex.
  for (const [npa, list] of g.byNpa) {
    for (const other of overlayComplexOf(npa)) {
      if (other === npa) continue;
      for (const e of list) push(g.overlay, other, e);
    }
  }
  return g;
}

function toEntry(sender: RoutingSender, slot: number): PoolEntry {
  const caps = sender.capabilities ?? ["SMS"];
  let country = sender.country ?? null;
  let npa: string | null = null;
  if (sender.type === "long_code" || sender.type === "toll_free" || sender.type === "whatsapp") {
    const parsed = parseE164(sender.type === "whatsapp" ? sender.address.replace(/^whatsapp:/, "") : sender.address);
    if (parsed) {
      country ??= parsed.country;
      if (sender.type !== "whatsapp") npa = parsed.npa ?? null;
    }
  }
  const media = sender.type === "whatsapp" || sender.type === "rcs";
  return {
    slot,
    sender,
    type: sender.type,
    country,
    npa,
    sms: media || sender.type === "alpha" || caps.includes("SMS"),
    mms: media || (sender.type !== "alpha" && caps.includes("MMS")),
    rcsCountries: new Set(sender.type === "rcs" ? (sender.countries ?? []) : []),
  };
}

const SMS_CHANNEL_TYPES: ReadonlySet<SenderType> = new Set(["long_code", "toll_free", "short_code", "alpha"]);

/**
 * A service's sender pool and settings, with indexes rebuilt once per change
 * (never per message) and the Scaler's state: messages in flight per sender
 * and the round-robin stamps that break ties deterministically.
 */
export class RoutingPool {
  settings: ServiceSettings;
  private entries = new Map<string, PoolEntry>();
  private byAddress = new Map<string, PoolEntry>();
  private nextSlot = 0;
  private idx: PoolIndexes | null = null;
  /** Messages in flight per slot (caller-maintained: beginSend / endSend / setInFlight). */
  inFlight = new Int32Array(64);
  /** Round-robin stamp per slot: the tick it was last picked among equals. */
  lastPicked = new Float64Array(64);
  private tick = 0;

  constructor(senders: readonly RoutingSender[] = [], settings: Partial<ServiceSettings> = {}) {
    this.settings = { ...DEFAULT_SERVICE_SETTINGS, ...settings };
    for (const s of senders) this.put(s);
  }

  get size(): number {
    return this.entries.size;
  }

  setSettings(patch: Partial<ServiceSettings>): void {
    this.settings = { ...this.settings, ...patch };
  }

  private put(sender: RoutingSender): PoolEntry {
    const old = this.entries.get(sender.id);
    if (old) this.byAddress.delete(old.sender.address);
    const slot = old?.slot ?? this.nextSlot++;
    if (slot >= this.inFlight.length) {
      const inFlight = new Int32Array(this.inFlight.length * 2);
      inFlight.set(this.inFlight);
      this.inFlight = inFlight;
      const picked = new Float64Array(this.lastPicked.length * 2);
      picked.set(this.lastPicked);
      this.lastPicked = picked;
    }
    const e = toEntry(sender, slot);
    this.entries.set(sender.id, e);
    this.byAddress.set(sender.address, e);
    this.idx = null;
    return e;
  }

  /**
   * Adds (or replaces, same id) a sender. When it is the pool's first
   * SMS/MMS-capable sender of its country, existing SMS mappings of that
   * country's recipients move to it (SPEC 2.8). Returns how many moved.
   */
  addSender(sender: RoutingSender, sticky?: MutableStickyStore): { remapped: number } {
    const before = this.indexes().smsCountries;
    const e = this.put(sender);
    const country = e.country;
    if (!sticky || !country || !e.sms || !SMS_CHANNEL_TYPES.has(e.type) || before.has(country)) return { remapped: 0 };
    const remapped = sticky.remap("sms", (recipient) => parseE164(recipient)?.country === country, sender.id);
    return { remapped };
  }

  /** Removes a sender and (with a store) its mappings. Unknown ids are a no-op. */
  removeSender(id: string, sticky?: MutableStickyStore): { removed: boolean; removedMappings: number } {
    const e = this.entries.get(id);
    if (!e) return { removed: false, removedMappings: 0 };
    this.entries.delete(id);
    if (this.byAddress.get(e.sender.address) === e) this.byAddress.delete(e.sender.address);
    this.inFlight[e.slot] = 0;
    this.idx = null;
    return { removed: true, removedMappings: sticky ? sticky.deleteSender(id) : 0 };
  }

  get(id: string): PoolEntry | undefined {
    return this.entries.get(id);
  }

  byFrom(address: string): PoolEntry | undefined {
    return this.byAddress.get(address);
  }

  senders(): RoutingSender[] {
    return [...this.entries.values()].map((e) => e.sender);
  }

  /** Entry for a sender that is not (or no longer) in the pool, e.g. an account number used as explicit From. */
  static entryFor(sender: RoutingSender): PoolEntry {
    return toEntry(sender, -1);
  }

  beginSend(id: string): void {
    const e = this.entries.get(id);
    if (e) this.inFlight[e.slot]!++;
  }

  endSend(id: string): void {
    const e = this.entries.get(id);
    if (e && this.inFlight[e.slot]! > 0) this.inFlight[e.slot]!--;
  }

  setInFlight(id: string, n: number): void {
    const e = this.entries.get(id);
    if (e) this.inFlight[e.slot] = n;
  }

  /** Stamps a tie-break winner (round robin: least recently picked wins next time). */
  markPicked(e: PoolEntry): void {
    if (e.slot >= 0) this.lastPicked[e.slot] = ++this.tick;
  }

  indexes(): PoolIndexes {
    if (this.idx) return this.idx;
    const all = [...this.entries.values()];
    const ix: PoolIndexes = {
      rcs: [],
      rcsByCountry: new Map(),
      shortByCountry: new Map(),
      hasShortCodes: false,
      alphaDefault: [],
      alphaByCountry: new Map(),
      hasAlpha: false,
      phone: geoIndex([]),
      long: geoIndex([]),
      tollFree: geoIndex([]),
      whatsapp: [],
      whatsappByCountry: new Map(),
      smsCapable: [],
      smsCountries: new Set(),
    };
    const phone: PoolEntry[] = [];
    const long: PoolEntry[] = [];
    const tollFree: PoolEntry[] = [];
    for (const e of all) {
      if (SMS_CHANNEL_TYPES.has(e.type) && e.sms && e.country) ix.smsCountries.add(e.country);
      switch (e.type) {
        case "rcs":
          ix.rcs.push(e);
          for (const c of e.rcsCountries) push(ix.rcsByCountry, c, e);
          break;
        case "short_code":
          ix.hasShortCodes = true;
          if (e.country) push(ix.shortByCountry, e.country, e);
          if (e.sms) ix.smsCapable.push(e);
          break;
        case "alpha":
          ix.hasAlpha = true;
          if (e.country) push(ix.alphaByCountry, e.country, e);
          else ix.alphaDefault.push(e);
          break;
        case "whatsapp":
          ix.whatsapp.push(e);
          if (e.country) push(ix.whatsappByCountry, e.country, e);
          break;
        case "long_code":
        case "toll_free":
          phone.push(e);
          (e.type === "long_code" ? long : tollFree).push(e);
          if (e.sms) ix.smsCapable.push(e);
          break;
      }
    }
    ix.phone = geoIndex(phone);
    ix.long = geoIndex(long);
    ix.tollFree = geoIndex(tollFree);
    this.idx = ix;
    return ix;
  }
}

export function createRoutingPool(senders: readonly RoutingSender[], settings: Partial<ServiceSettings> = {}): RoutingPool {
  return new RoutingPool(senders, settings);
}
