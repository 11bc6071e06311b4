import { describe, expect, it } from "vitest";
import { parseAddress, type ParsedAddress } from "../phone/parse-address";
import { RoutingPool } from "./pool";
import { addSenderWithRemap, applyStickyChanges, removeSenderWithMappings } from "./pool-changes";
import { selectSender, type SelectContext } from "./select-sender";
import { InMemoryStickyStore, stickyReaderFromRows } from "./sticky-store";
import { DEFAULT_CARRIER, DEFAULT_SERVICE_SETTINGS, type CarrierInfo, type Sender, type ServiceSettings } from "./types";

const S = {
  lc415: { id: "LC415", type: "long_code", address: "+14155550100", capabilities: ["SMS", "MMS"] },
  lc628: { id: "LC628", type: "long_code", address: "+16285550100" },
  lc212: { id: "LC212", type: "long_code", address: "+12125550100" },
  lcCA: { id: "LCCA", type: "long_code", address: "+16045550100" },
  lcGB: { id: "LCGB", type: "long_code", address: "+447400123400" },
  tf: { id: "TF", type: "toll_free", address: "+18885550100" },
  scUS: { id: "SCUS", type: "short_code", address: "55555", country: "US", capabilities: ["SMS", "MMS"] },
  scGB: { id: "SCGB", type: "short_code", address: "60000", country: "GB" },
  alpha: { id: "AL", type: "alpha", address: "ACME" },
  alphaDE: { id: "ALDE", type: "alpha", address: "ACME DE", country: "DE" },
  wa: { id: "WA", type: "whatsapp", address: "whatsapp:+14155550111", country: "US" },
  waGB: { id: "WAGB", type: "whatsapp", address: "whatsapp:+447400123401", country: "GB" },
  rcs: { id: "RCS", type: "rcs", address: "rcs:acme", countries: ["US"] },
  voice: { id: "VOICE", type: "long_code", address: "+14155550199", capabilities: ["Voice"] },
} satisfies Record<string, Sender>;

function to(address: string): ParsedAddress {
  const r = parseAddress(address);
  if (!r.ok) throw new Error(`bad test address ${address}`);
  return r.address;
}

interface Case {
  name: string;
  senders: Sender[];
  to: string;
  media?: boolean;
  from?: string;
  fallbackFrom?: string;
  carrier?: Partial<CarrierInfo>;
  settings?: Partial<ServiceSettings>;
  expect: string | number;
  trace?: string;
  warning?: string;
  channel?: string;
  convert?: boolean;
  fallback?: string;
}

const off = { stickySender: false };
const cases: Case[] = [
  // Channels
  { name: "whatsapp: only WhatsApp senders", senders: [S.lc415, S.wa], to: "whatsapp:+14155551234", expect: "WA", channel: "whatsapp" },
  { name: "whatsapp: country match first", senders: [S.wa, S.waGB], to: "whatsapp:+447400123456", expect: "WAGB", settings: off },
  { name: "whatsapp: any sender when no country match", senders: [S.waGB], to: "whatsapp:+14155551234", expect: "WAGB" },
  { name: "whatsapp: none in pool -> 21703", senders: [S.lc415], to: "whatsapp:+14155551234", expect: 21703 },
  { name: "rcs address: approved agent", senders: [S.rcs, S.lc415], to: "rcs:+14155551234", expect: "RCS", channel: "rcs", fallback: "LC415" },
  { name: "rcs address: any agent if none approved", senders: [S.rcs], to: "rcs:+447400123456", expect: "RCS", trace: "none approved for GB" },
  { name: "rcs address: no agent -> 21703", senders: [S.lc415], to: "rcs:+14155551234", expect: 21703 },
  // Tier 1 RCS
  { name: "rcs first for RCS-capable recipient", senders: [S.scUS, S.rcs], to: "+14155551234", carrier: { rcs: true }, expect: "RCS", channel: "rcs", fallback: "SCUS" },
  { name: "rcs not approved for country -> SMS tiers", senders: [S.rcs, S.lcGB], to: "+447400123456", carrier: { rcs: true }, expect: "LCGB" },
  { name: "rcs with FallbackFrom", senders: [S.rcs, S.lc415, S.tf], to: "+14155551234", carrier: { rcs: true }, fallbackFrom: "+18885550100", expect: "RCS", fallback: "TF" },
  { name: "rcs: invalid FallbackFrom -> 21212", senders: [S.rcs, S.lc415], to: "+14155551234", carrier: { rcs: true }, fallbackFrom: "+19995550000", expect: 21212 },
  { name: "rcs: several SMS senders, no default fallback", senders: [S.rcs, S.lc415, S.tf], to: "+14155551234", carrier: { rcs: true }, expect: "RCS", trace: "fallback: none" },
  // Tier 2 short code
  { name: "short code beats long code", senders: [S.lc415, S.scUS], to: "+14155551234", expect: "SCUS" },
  { name: "short code reroute when carrier refuses", senders: [S.lc415, S.scUS], to: "+14155551234", carrier: { shortCodes: false }, expect: "LC415", trace: "short code reroute" },
  { name: "short code of another country is not used", senders: [S.scGB, S.lc415], to: "+14155551234", expect: "LC415" },
  // Tier 3 alpha
  { name: "alpha where supported", senders: [S.lcGB, S.alpha], to: "+447400123456", expect: "AL", warning: "alpha_pre_registration_recommended" },
  { name: "destination alpha beats service-wide", senders: [S.alpha, S.alphaDE], to: "+4915112345678", expect: "ALDE" },
  { name: "alpha not eligible in the US", senders: [S.alpha, S.lc415], to: "+14155551234", expect: "LC415", trace: "US does not support" },
  { name: "alpha only, unsupported country -> 21703", senders: [S.alpha], to: "+14155551234", expect: 21703 },
  { name: "alpha skipped when a short code exists for the country", senders: [S.alpha, S.scGB, S.lcGB], to: "+447400123456", carrier: { shortCodes: false }, expect: "LCGB", trace: "pool has a short code" },
  { name: "alpha pre-registration required warns", senders: [S.alpha], to: "+919876543210", expect: "AL", warning: "alpha_pre_registration_required" },
  { name: "destination alpha only serves its country", senders: [S.alphaDE, S.lc415], to: "+33612345678", expect: "LC415" },
  // Tier 4 + geomatch
  { name: "Canada: toll-free first", senders: [S.lcCA, S.tf], to: "+16045551234", expect: "TF", trace: "toll-free first in Canada" },
  { name: "US: area code match beats toll-free", senders: [S.tf, S.lc415], to: "+14155551234", expect: "LC415" },
  { name: "area code: overlay (628 overlays 415)", senders: [S.lc628, S.lc212], to: "+14155551234", expect: "LC628", trace: "overlays area code 415" },
  { name: "area code off: scaler among US numbers", senders: [S.lc628, S.lc212], to: "+14155551234", settings: { areaCodeGeomatch: false, stickySender: false }, expect: "LC628", trace: "round robin" },
  { name: "country geomatch: GB number for GB", senders: [S.lc415, S.lcGB], to: "+447400123456", expect: "LCGB" },
  { name: "country geomatch: US fallback for SMS", senders: [S.lcCA, S.lc415], to: "+447400123456", expect: "LC415", trace: "US number" },
  { name: "country geomatch: any number last", senders: [S.lcCA], to: "+447400123456", expect: "LCCA", trace: "any number" },
  { name: "Canada: CA long code before US long code", senders: [S.lc415, S.lcCA], to: "+14165551234", expect: "LCCA" },
  { name: "voice-only number never routes", senders: [S.voice], to: "+14155551234", expect: 21703 },
  { name: "empty pool -> 21704", senders: [], to: "+14155551234", expect: 21704 },
  // MMS
  { name: "MMS needs an MMS-capable sender", senders: [S.lc628, S.lc415], to: "+16285551234", media: true, expect: "LC415", trace: "MMS-capable" },
  { name: "MMS without MMS-capable sender -> 21703", senders: [S.lc628], to: "+16285551234", media: true, expect: 21703 },
  { name: "MMS converter for carrier without MMS", senders: [S.lc628], to: "+16285551234", media: true, carrier: { mms: false }, expect: "LC628", convert: true },
  { name: "carrier without MMS, converter off: MMS + warning", senders: [S.lc415], to: "+16285551234", media: true, carrier: { mms: false }, settings: { mmsConverter: false }, expect: "LC415", warning: "carrier_cannot_receive_mms" },
  // Explicit From
  { name: "explicit From in pool", senders: [S.lc415, S.scUS], to: "+14155551234", from: "+14155550100", expect: "LC415", trace: "no automatic selection" },
  { name: "explicit From not in account -> 21606", senders: [S.lc415], to: "+14155551234", from: "+14155550999", expect: 21606 },
  { name: "explicit From malformed -> 21212", senders: [S.lc415], to: "+14155551234", from: "!!", expect: 21212 },
  { name: "explicit alpha From to the US -> 21606", senders: [S.alpha], to: "+14155551234", from: "ACME", expect: 21606 },
  { name: "explicit From without MMS -> 21621", senders: [S.lc628], to: "+14155551234", from: "+16285550100", media: true, expect: 21621 },
  { name: "explicit From with an empty pool is still checked", senders: [], to: "+14155551234", from: "+14155550100", expect: 21606 },
];

function ctxFor(c: Case, extra: Partial<SelectContext> = {}): SelectContext {
  return {
    settings: { ...DEFAULT_SERVICE_SETTINGS, ...c.settings },
    carrier: { ...DEFAULT_CARRIER, ...c.carrier },
    ...extra,
  };
}

describe("selectSender", () => {
  it.each(cases)("$name", (c) => {
    const pool = new RoutingPool(c.senders);
    const r = selectSender(pool, { to: to(c.to), hasMedia: c.media ?? false, from: c.from, fallbackFrom: c.fallbackFrom }, ctxFor(c));
    expect(r.ok ? r.sender.id : r.error.code).toBe(c.expect);
    expect(r.trace.length).toBeGreaterThan(0);
    if (c.trace) expect(r.trace.join(" | ")).toContain(c.trace);
    if (c.warning) expect(r.warnings.map((w) => w.code)).toContain(c.warning);
    if (r.ok) {
      if (c.channel) expect(r.channel).toBe(c.channel);
      expect(r.convertMedia).toBe(c.convert ?? false);
      if (c.fallback) expect(r.fallbackSender?.id).toBe(c.fallback);
    }
  });

  it("explicit From outside the pool is accepted when it belongs to the account", () => {
    const pool = new RoutingPool([S.lc415]);
    const r = selectSender(pool, { to: to("+14155551234"), hasMedia: false, from: "+14155550999" }, {
      settings: DEFAULT_SERVICE_SETTINGS,
      carrier: DEFAULT_CARRIER,
      isAccountSender: (a) => a === "+14155550999",
    });
    expect(r.ok && r.sender).toEqual({ id: "+14155550999", type: "long_code", address: "+14155550999", inPool: false });
  });

  it("round robin spreads ties evenly and deterministically", () => {
    const pool = new RoutingPool([S.lc628, S.lc212, S.tf]);
    const ctx = { settings: { ...DEFAULT_SERVICE_SETTINGS, stickySender: false, areaCodeGeomatch: false }, carrier: DEFAULT_CARRIER };
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const r = selectSender(pool, { to: to("+13125551234"), hasMedia: false }, ctx);
      if (r.ok) counts.set(r.sender.id, (counts.get(r.sender.id) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([100, 100, 100]);
  });

  it("scaler prefers fewest in flight, then fewest mappings", () => {
    const pool = new RoutingPool([S.lc628, S.lc212]);
    const ctx = { settings: { ...DEFAULT_SERVICE_SETTINGS, areaCodeGeomatch: false }, carrier: DEFAULT_CARRIER };
    const i628 = pool.get("LC628")?.index ?? -1;
    const i212 = pool.get("LC212")?.index ?? -1;
    pool.load.inFlight[i628] = 3;
    const pick = () => {
      const r = selectSender(pool, { to: to("+13125551234"), hasMedia: false }, ctx);
      return r.ok ? r.sender.id : r.error.code;
    };
    expect(pick()).toBe("LC212");
    pool.load.inFlight[i628] = 0;
    pool.load.mappings[i212] = 5;
    expect(pick()).toBe("LC628");
  });
});

describe("sticky sender", () => {
  const settings = { ...DEFAULT_SERVICE_SETTINGS, areaCodeGeomatch: false };
  const send = (pool: RoutingPool, store: InMemoryStickyStore, address: string, over: Partial<ServiceSettings> = {}, carrier: Partial<CarrierInfo> = {}, media = false) => {
    const r = selectSender(pool, { to: to(address), hasMedia: media }, { settings: { ...settings, ...over }, carrier: { ...DEFAULT_CARRIER, ...carrier }, sticky: store });
    applyStickyChanges(pool, store, r);
    return r;
  };

  it("writes after the first send and reuses it", () => {
    const pool = new RoutingPool([S.lc628, S.lc212]);
    const store = new InMemoryStickyStore();
    const first = send(pool, store, "+13125551234");
    expect(first.ok && first.stickyWrite).toEqual({ channel: "sms", recipient: "+13125551234", senderId: "LC628" });
    const again = send(pool, store, "+13125551234");
    expect(again.ok && again.sender.id).toBe("LC628");
    expect(again.ok && again.stickyWrite).toBeUndefined();
    expect(pool.load.mappings[pool.get("LC628")?.index ?? -1]).toBe(1);
  });

  it("is looked up before the RCS tier (docs/product.md, Sticky Sender); without a mapping an RCS-capable recipient gets RCS and no mapping", () => {
    const pool = new RoutingPool([S.lc628, S.rcs]);
    const store = new InMemoryStickyStore();
    send(pool, store, "+13125551234");
    const mapped = send(pool, store, "+13125551234", {}, { rcs: true });
    expect(mapped.ok && [mapped.sender.id, mapped.channel]).toEqual(["LC628", "sms"]);
    const fresh = send(pool, store, "+13125559999", {}, { rcs: true });
    expect(fresh.ok && [fresh.sender.id, fresh.channel]).toEqual(["RCS", "rcs"]);
    expect(store.get("sms", "+13125559999")).toBeUndefined();
  });

  it("keeps separate mappings per channel", () => {
    const pool = new RoutingPool([S.lc628, S.wa]);
    const store = new InMemoryStickyStore();
    send(pool, store, "+13125551234");
    send(pool, store, "whatsapp:+13125551234");
    expect([store.get("sms", "+13125551234"), store.get("whatsapp", "+13125551234")]).toEqual(["LC628", "WA"]);
  });

  it("off ignores mappings but keeps them; on uses them again", () => {
    const pool = new RoutingPool([S.lc628, S.lc212]);
    const store = new InMemoryStickyStore();
    send(pool, store, "+13125551234");
    const offs = [send(pool, store, "+13125551234", { stickySender: false }), send(pool, store, "+13125551234", { stickySender: false })];
    expect(offs.map((r) => r.ok && r.sender.id).sort()).toEqual(["LC212", "LC628"]);
    expect(store.get("sms", "+13125551234")).toBe("LC628");
    const on = send(pool, store, "+13125551234");
    expect(on.ok && on.sender.id).toBe("LC628");
  });

  it("invalid mapping (short code no longer eligible) is removed and replaced", () => {
    const pool = new RoutingPool([S.scUS, S.lc628]);
    const store = new InMemoryStickyStore();
    send(pool, store, "+13125551234");
    expect(store.get("sms", "+13125551234")).toBe("SCUS");
    const r = send(pool, store, "+13125551234", {}, { shortCodes: false });
    expect(r.ok && r.sender.id).toBe("LC628");
    expect(r.stickyDelete).toEqual({ channel: "sms", recipient: "+13125551234" });
    expect(store.get("sms", "+13125551234")).toBe("LC628");
  });

  it("a mapping that cannot carry this MMS is kept", () => {
    const pool = new RoutingPool([S.lc628, S.lc415]);
    const store = new InMemoryStickyStore();
    store.set("sms", "+16285551234", "LC628");
    const r = send(pool, store, "+16285551234", {}, {}, true);
    expect(r.ok && r.sender.id).toBe("LC415");
    expect(store.get("sms", "+16285551234")).toBe("LC628");
  });

  it("removing a sender deletes its mappings", () => {
    const pool = new RoutingPool([S.lc628, S.lc212]);
    const store = new InMemoryStickyStore();
    send(pool, store, "+13125551234");
    expect(removeSenderWithMappings(pool, store, "LC628")).toBe(1);
    expect(store.get("sms", "+13125551234")).toBeUndefined();
  });

  it("a sender of a new country takes over that country's mappings", () => {
    const pool = new RoutingPool([S.lc415]);
    const store = new InMemoryStickyStore();
    send(pool, store, "+447400123456");
    send(pool, store, "+14155551234");
    const out = addSenderWithRemap(pool, store, S.lcGB);
    expect(out.remapped).toBe(1);
    expect([store.get("sms", "+447400123456"), store.get("sms", "+14155551234")]).toEqual(["LCGB", "LC415"]);
    expect(pool.load.mappings[pool.get("LCGB")?.index ?? -1]).toBe(1);
  });

  it("a per-recipient reader (DB rows) works like the store", () => {
    const pool = new RoutingPool([S.lc628, S.lc212]);
    const reader = stickyReaderFromRows([{ channel: "sms", recipient: "+13125551234", senderId: "LC212" }]);
    const r = selectSender(pool, { to: to("+13125551234"), hasMedia: false }, { settings, carrier: DEFAULT_CARRIER, sticky: reader });
    expect(r.ok && r.sender.id).toBe("LC212");
  });

  it("a mapping to an alpha sender still raises the pre-registration warning on every send", () => {
    const pool = new RoutingPool([S.alpha]);
    const store = new InMemoryStickyStore();
    const first = send(pool, store, "+919876543210");
    expect(first.ok && first.stickyWrite?.senderId).toBe("AL");
    const again = send(pool, store, "+919876543210");
    expect(again.trace).toContain("sticky: +919876543210 -> AL");
    expect(again.warnings.map((w) => w.code)).toEqual(["alpha_pre_registration_required"]);
    send(pool, store, "+4915112345678");
    expect(send(pool, store, "+4915112345678").warnings).toEqual([]);
  });

  it("A2P enforcement invalidates unregistered US long codes", () => {
    const unreg: Sender = { ...S.lc628, a2pRegistered: false };
    const pool = new RoutingPool([unreg, S.lc212]);
    const store = new InMemoryStickyStore();
    store.set("sms", "+16285551234", "LC628");
    const r = send(pool, store, "+16285551234", { enforceUsA2p: true });
    expect(r.ok && r.sender.id).toBe("LC212");
    expect(r.trace.join(" ")).toContain("not A2P 10DLC registered");
  });
});
