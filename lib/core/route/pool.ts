import { overlayNpas } from "../phone/nanp";
import { phoneNumberFacts } from "../phone/parse-address";
import { LoadTracker } from "./load-tracker";
import type { SenderType } from "../senders/sender-type";
import type { Capability, Sender } from "./types";

/** A pool sender with the facts routing needs precomputed. */
export interface IndexedSender {
  readonly index: number;
  readonly sender: Sender;
  readonly id: string;
  readonly type: SenderType;
  readonly address: string;
  /** Resolved country (phone numbers: from the address when not given). */
  readonly country: string | undefined;
  /** RCS approvals. */
  readonly countries: readonly string[];
  readonly npa: string | undefined;
  readonly canSms: boolean;
  readonly canMedia: boolean;
}

/**
 * An ordered candidate list with its MMS-capable subset and its own round
 * robin cursor, so ties spread evenly per group.
 */
export class Group {
  readonly all: IndexedSender[] = [];
  readonly media: IndexedSender[] = [];
  rr = 0;

  add(s: IndexedSender): void {
    this.all.push(s);
    if (s.canMedia) this.media.push(s);
  }

  pick(needMedia: boolean): IndexedSender[] {
    return needMedia ? this.media : this.all;
  }
}

function groupFor(map: Map<string, Group>, key: string): Group {
  let g = map.get(key);
  if (!g) {
    g = new Group();
    map.set(key, g);
  }
  return g;
}

/** Long codes and/or toll-free numbers, indexed for Country and Area Code Geomatch. */
export class NumberIndex {
  readonly all = new Group();
  readonly byCountry = new Map<string, Group>();
  readonly byNpa = new Map<string, Group>();
  private readonly overlayCache = new Map<string, Group>();

  add(s: IndexedSender): void {
    this.all.add(s);
    if (s.country) groupFor(this.byCountry, s.country).add(s);
    if (s.npa) groupFor(this.byNpa, s.npa).add(s);
  }

  /** Senders whose NPA overlays `npa` (not `npa` itself); cached until the pool changes. */
  overlay(npa: string): Group {
    let g = this.overlayCache.get(npa);
    if (!g) {
      g = new Group();
      for (const other of overlayNpas(npa)) for (const s of this.byNpa.get(other)?.all ?? []) g.add(s);
      this.overlayCache.set(npa, g);
    }
    return g;
  }
}

const MEDIA_CHANNEL_TYPES: ReadonlySet<SenderType> = new Set<SenderType>(["whatsapp", "rcs"]);

function indexSender(sender: Sender, index: number): IndexedSender {
  const caps: readonly Capability[] = sender.capabilities ?? ["SMS"];
  let country = sender.country;
  let npa: string | undefined;
  if ((sender.type === "long_code" || sender.type === "toll_free") && sender.address.startsWith("+")) {
    const facts = phoneNumberFacts(sender.address);
    country = country ?? facts.country;
    npa = facts.npa;
  }
  return {
    index,
    sender,
    id: sender.id,
    type: sender.type,
    address: sender.address,
    country,
    countries: sender.countries ?? [],
    npa,
    canSms: MEDIA_CHANNEL_TYPES.has(sender.type) || caps.includes("SMS") || caps.includes("MMS"),
    canMedia: MEDIA_CHANNEL_TYPES.has(sender.type) || caps.includes("MMS"),
  };
}

/** Normalises an address for From lookups: case-insensitive, no spaces. */
export function addressKey(address: string): string {
  return address.replace(/\s+/g, "").toLowerCase();
}

/**
 * A Messaging Service sender pool with every index routing needs. Indexes are
 * rebuilt when the pool changes (rare), so a decision never filters the whole
 * pool. Also holds the routing state that belongs to the pool: load counters
 * (LoadTracker) and round robin cursors (one per candidate Group).
 */
export class RoutingPool {
  senders: IndexedSender[] = [];
  readonly load: LoadTracker;
  private byId = new Map<string, IndexedSender>();
  private byAddress = new Map<string, IndexedSender>();
  rcsByCountry = new Map<string, Group>();
  rcsAll = new Group();
  whatsappByCountry = new Map<string, Group>();
  whatsappAll = new Group();
  shortCodeByCountry = new Map<string, Group>();
  alphaByCountry = new Map<string, Group>();
  alphaGlobal = new Group();
  /** Tier 4: long codes and toll-free together (everywhere but Canada). */
  numbers = new NumberIndex();
  longCodes = new NumberIndex();
  tollFree = new NumberIndex();
  /** Senders that can send on the SMS channel (default RCS fallback when alone). */
  smsCapable: IndexedSender[] = [];

  constructor(senders: readonly Sender[] = []) {
    this.load = new LoadTracker(0);
    this.rebuild(senders);
  }

  get size(): number {
    return this.senders.length;
  }

  get(id: string): IndexedSender | undefined {
    return this.byId.get(id);
  }

  findByAddress(address: string): IndexedSender | undefined {
    return this.byAddress.get(addressKey(address));
  }

  /** Adds (or replaces, by id) a sender. Counters of the other senders are kept. */
  addSender(sender: Sender): IndexedSender {
    const next = this.senders.map((s) => s.sender).filter((s) => s.id !== sender.id);
    next.push(sender);
    this.rebuild(next);
    const added = this.byId.get(sender.id);
    if (!added) throw new Error("unreachable: sender just added");
    return added;
  }

  /** Removes a sender; false when it was not in the pool. */
  removeSender(id: string): boolean {
    if (!this.byId.has(id)) return false;
    this.rebuild(this.senders.map((s) => s.sender).filter((s) => s.id !== id));
    return true;
  }

  private rebuild(senders: readonly Sender[]): void {
    const oldIds = this.senders.map((s) => s.id);
    const seen = new Set<string>();
    for (const s of senders) {
      if (seen.has(s.id)) throw new Error(`duplicate sender id ${s.id}`);
      seen.add(s.id);
    }
    this.senders = senders.map(indexSender);
    this.byId = new Map(this.senders.map((s) => [s.id, s]));
    this.byAddress = new Map(this.senders.map((s) => [addressKey(s.address), s]));
    this.rcsByCountry = new Map();
    this.rcsAll = new Group();
    this.whatsappByCountry = new Map();
    this.whatsappAll = new Group();
    this.shortCodeByCountry = new Map();
    this.alphaByCountry = new Map();
    this.alphaGlobal = new Group();
    this.numbers = new NumberIndex();
    this.longCodes = new NumberIndex();
    this.tollFree = new NumberIndex();
    this.smsCapable = [];
    for (const s of this.senders) {
      // A voice-only number never routes messages.
      if (!s.canSms) continue;
      switch (s.type) {
        case "rcs":
          this.rcsAll.add(s);
          for (const c of s.countries) groupFor(this.rcsByCountry, c).add(s);
          break;
        case "whatsapp":
          this.whatsappAll.add(s);
          if (s.country) groupFor(this.whatsappByCountry, s.country).add(s);
          break;
        case "short_code":
          if (s.country) groupFor(this.shortCodeByCountry, s.country).add(s);
          this.smsCapable.push(s);
          break;
        case "alpha":
          if (s.country) groupFor(this.alphaByCountry, s.country).add(s);
          else this.alphaGlobal.add(s);
          this.smsCapable.push(s);
          break;
        case "long_code":
          this.numbers.add(s);
          this.longCodes.add(s);
          this.smsCapable.push(s);
          break;
        case "toll_free":
          this.numbers.add(s);
          this.tollFree.add(s);
          this.smsCapable.push(s);
          break;
      }
    }
    this.load.reindex(this.senders.length, oldIds.map((id) => this.byId.get(id)?.index ?? -1));
  }
}
