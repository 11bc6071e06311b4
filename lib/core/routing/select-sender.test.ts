import { describe, expect, it } from "vitest";
import { applySelection, planMessage } from "./plan-message";
import { RoutingPool } from "./pool";
import { selectSender, SENDER_ID_PREREGISTRATION, type SelectContext } from "./select-sender";
import { MemoryStickyStore, singleMappingStore } from "./sticky-store";
import type { RoutingRequest, RoutingSender, SelectResult, ServiceSettings } from "./types";

const S = {
  PN415: { id: "PN415", type: "long_code", address: "+14155550100", country: "US", capabilities: ["SMS", "MMS"] },
  PN212: { id: "PN212", type: "long_code", address: "+12125550100", country: "US" },
  PN646: { id: "PN646", type: "long_code", address: "+16465550100", country: "US" },
  PN718: { id: "PN718", type: "long_code", address: "+17185550100", country: "US" },
  PN604: { id: "PN604", type: "long_code", address: "+16045550100", country: "CA" },
  PN416: { id: "PN416", type: "long_code", address: "+14165550100", country: "CA" },
  PNGB: { id: "PNGB", type: "long_code", address: "+442071830000", country: "GB" },
  TF1: { id: "TF1", type: "toll_free", address: "+18885550100", country: "US", capabilities: ["SMS", "MMS"] },
  SC1: { id: "SC1", type: "short_code", address: "55555", country: "US", capabilities: ["SMS", "MMS"] },
  SCSMS: { id: "SCSMS", type: "short_code", address: "44444", country: "US" },
  SCGB: { id: "SCGB", type: "short_code", address: "60000", country: "GB" },
  AI1: { id: "AI1", type: "alpha", address: "ACME" },
  AIGB: { id: "AIGB", type: "alpha", address: "ACME UK", country: "GB" },
  AIAE: { id: "AIAE", type: "alpha", address: "ACME AE", country: "AE" },
  WA1: { id: "WA1", type: "whatsapp", address: "whatsapp:+14155550111", country: "US" },
  WAGB: { id: "WAGB", type: "whatsapp", address: "whatsapp:+447400123456" },
  RC1: { id: "RC1", type: "rcs", address: "rcs:acme_agent", countries: ["US"] },
  RCGB: { id: "RCGB", type: "rcs", address: "rcs:acme_uk", countries: ["GB"] },
} satisfies Record<string, RoutingSender>;
type Id = keyof typeof S;

function run(ids: Id[], req: RoutingRequest, ctx: SelectContext = {}, settings: Partial<ServiceSettings> = {}): SelectResult {
  return selectSender(new RoutingPool(ids.map((i) => S[i]), settings), req, ctx);
}
const picked = (r: SelectResult) => (r.ok ? r.sender.id : r.error.code);

describe("errors", () => {
  it.each<[string, Id[], RoutingRequest, SelectContext, number]>([
    ["invalid To", ["PN415"], { to: "+1415" }, {}, 21211],
    ["rcs agent as To", ["RC1"], { to: "rcs:acme_agent" }, {}, 21211],
    ["body over 1600", ["PN415"], { to: "+14155551234", body: "x".repeat(1601) }, {}, 21617],
    ["empty pool", [], { to: "+14155551234" }, {}, 21704],
    ["SMS to a pool of WhatsApp senders", ["WA1"], { to: "+14155551234" }, {}, 21703],
    ["WhatsApp without WhatsApp sender", ["PN415"], { to: "whatsapp:+14155551234" }, {}, 21703],
    ["rcs: without RCS sender", ["PN415"], { to: "rcs:+14155551234" }, {}, 21703],
    ["MMS without MMS-capable sender", ["PN212", "AI1"], { to: "+14155551234", mediaUrls: ["https://x/a.jpg"] }, {}, 21703],
    ["From not the account's", ["PN415"], { to: "+14155551234", from: "+19995550100" }, {}, 21606],
  ])("%s -> %i", (_name, ids, req, ctx, code) => {
    const r = run(ids, req, ctx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe(code);
    expect(r.trace.length).toBeGreaterThan(0);
  });

  it("accepts exactly 1600 characters", () => {
    expect(picked(run(["PN415"], { to: "+14155551234", body: "x".repeat(1600) }))).toBe("PN415");
  });
});

describe("explicit From (with a service)", () => {
  const account = new Map<string, RoutingSender>([[S.PNGB.address, S.PNGB]]);
  it.each<[string, Id[], RoutingRequest, string | number]>([
    ["pool sender, no automatic selection", ["SC1", "TF1"], { to: "+14155551234", from: "+18885550100" }, "TF1"],
    ["WhatsApp From to WhatsApp", ["WA1"], { to: "whatsapp:+447400000000", from: "whatsapp:+14155550111" }, "WA1"],
    ["RCS From to a number", ["RC1"], { to: "+447400123456", from: "rcs:acme_agent" }, "RC1"],
    ["WhatsApp From to SMS", ["WA1"], { to: "+14155551234", from: "whatsapp:+14155550111" }, 21606],
    ["SMS From to WhatsApp", ["PN415"], { to: "whatsapp:+14155551234", from: "+14155550100" }, 21606],
    ["number From to rcs:", ["PN415"], { to: "rcs:+14155551234", from: "+14155550100" }, 21606],
    ["US short code to GB", ["SC1"], { to: "+447400123456", from: "55555" }, 21606],
    ["alpha to the US (unsupported)", ["AI1"], { to: "+14155551234", from: "ACME" }, 21606],
    ["GB alpha to FR", ["AIGB"], { to: "+33612345678", from: "ACME UK" }, 21606],
    ["media from a non-MMS number", ["PN212"], { to: "+14155551234", from: "+12125550100", mediaUrls: ["https://x/a.jpg"] }, 21621],
    ["account number outside the pool", ["PN415"], { to: "+14155551234", from: "+442071830000" }, "PNGB"],
  ])("%s", (_n, ids, req, want) => {
    const r = run(ids, req, { accountSenders: account });
    expect(picked(r)).toBe(want);
    if (r.ok) {
      expect(r.trace[0]).toContain("explicit From");
      expect(r.stickyWrite).toBeUndefined();
    }
  });

  it("works on an empty pool and ignores sticky mappings", () => {
    const sticky = singleMappingStore("sms", "+14155551234", "PN415");
    const r = run([], { to: "+14155551234", from: "+442071830000" }, { accountSenders: account, sticky });
    expect(picked(r)).toBe("PNGB");
  });
});

describe("sender-type priority", () => {
  it.each<[string, Id[], RoutingRequest, SelectContext["carrier"], string | number, string]>([
    ["short code first", ["PN415", "TF1", "SC1", "AI1"], { to: "+14155551234" }, {}, "SC1", "tier short_code: SC1 (US, carrier takes short codes)"],
    ["short code reroute when the carrier takes none", ["PN415", "SC1"], { to: "+14155551234" }, { shortCode: false }, "PN415", "short code reroute"],
    ["short code of another country is skipped", ["PNGB", "SC1"], { to: "+447400123456" }, {}, "PNGB", "no short code for GB"],
    ["MMS skips a SMS-only short code", ["SCSMS", "PN415"], { to: "+14155551234", mediaUrls: ["https://x/a"] }, {}, "PN415", "no MMS-capable short code"],
    ["RCS before short code", ["SC1", "RC1"], { to: "+14155551234" }, { rcs: true }, "RC1", "tier rcs: RC1"],
    ["RCS needs an RCS-capable recipient", ["SC1", "RC1"], { to: "+14155551234" }, {}, "SC1", "not RCS-capable"],
    ["RCS needs approval for the country", ["PNGB", "RC1"], { to: "+447400123456" }, { rcs: true }, "PNGB", "no RCS sender approved for GB"],
    ["alpha unsupported in the US", ["AI1", "PN415"], { to: "+14155551234" }, {}, "PN415", "US does not support"],
    ["alpha unsupported in Canada", ["AI1", "PN604"], { to: "+16045551234" }, {}, "PN604", "CA does not support"],
    ["service-wide alpha in France", ["AI1", "PNGB"], { to: "+33612345678" }, {}, "AI1", "tier alpha: AI1 (service-wide)"],
    ["destination alpha beats service-wide", ["AI1", "AIGB"], { to: "+447400123456" }, {}, "AIGB", "destination-specific for GB"],
    ["destination alpha of another country is not used", ["AIGB", "PNGB"], { to: "+33612345678" }, {}, "PNGB", "no alpha sender for FR"],
    ["no fallback to long codes once alpha wins", ["PNGB", "AI1"], { to: "+447400123456" }, {}, "AI1", "tier alpha: AI1"],
    ["alpha skipped when the pool has a short code for the country", ["SCGB", "AIGB", "PNGB"], { to: "+447400123456" }, { shortCode: false }, "PNGB", "pool has a short code for GB"],
    ["alpha cannot send MMS", ["AIGB", "PN415"], { to: "+447400123456", mediaUrls: ["https://x/a"] }, {}, "PN415", "cannot send MMS"],
  ])("%s", (_n, ids, req, carrier, want, traceHas) => {
    const r = run(ids, req, { carrier });
    expect(picked(r)).toBe(want);
    expect(r.trace.join("\n")).toContain(traceHas);
  });

  it("alpha: pre-registration warnings follow the data file", () => {
    const gb = run(["AIGB"], { to: "+447400123456" });
    expect(gb.warnings).toEqual([{ code: SENDER_ID_PREREGISTRATION, message: expect.stringContaining("GB recommends") }]);
    const ae = run(["AIAE"], { to: "+971501234567" });
    expect(ae.ok && ae.sender.id).toBe("AIAE");
    expect(ae.warnings[0]?.message).toContain("AE requires");
    expect(ae.trace.join("\n")).toContain("warning:");
    expect(run(["AI1"], { to: "+33612345678" }).warnings).toEqual([]);
  });
});

describe("Country Code and Area Code Geomatch", () => {
  it.each<[string, Id[], string, Partial<ServiceSettings>, string, string]>([
    ["same country", ["PN415", "PNGB"], "+447400123456", {}, "PNGB", "GB number"],
    ["else a US number for SMS", ["PN604", "PN415"], "+33612345678", {}, "PN415", "US number, none in FR"],
    ["else any number", ["PN604"], "+33612345678", {}, "PN604", "any number"],
    ["same area code", ["PN646", "PN212", "PN415"], "+12125551234", {}, "PN212", "same area code 212"],
    ["overlay 212 -> 646", ["PN646", "PN415"], "+12125551234", {}, "PN646", "overlay of 212"],
    ["overlay 646 -> 212", ["PN212", "PN415"], "+16465551234", {}, "PN212", "overlay of 646"],
    ["overlayComplex, not overlayGroup: 718 is not an overlay of 212", ["PN718"], "+12125551234", {}, "PN718", "US number"],
    ["US recipient, only a Canadian number left", ["PN604", "PNGB"], "+14155551234", {}, "PN604", "US/Canadian number"],
    ["Canada: toll-free before long codes", ["PN604", "TF1"], "+16045551234", {}, "TF1", "toll-free first"],
    ["Canada: long codes when no toll-free", ["PN415", "PN416"], "+14165551234", {}, "PN416", "same area code 416"],
    ["Canada overlay 604 -> 778", ["PN604", "PN415"], "+17785551234", {}, "PN604", "overlay of 778"],
    ["US: long codes and toll-free are one tier", ["TF1"], "+14155551234", {}, "TF1", "tier toll_free"],
  ])("%s", (_n, ids, to, settings, want, traceHas) => {
    const r = run(ids, { to }, {}, settings);
    expect(picked(r)).toBe(want);
    expect(r.trace.join("\n")).toContain(traceHas);
  });

  it("Area Code Geomatch off: any US number, spread by the Scaler", () => {
    const pool = new RoutingPool([S.PN415, S.PN212], { areaCodeGeomatch: false, stickySender: false });
    const got = [0, 1, 2, 3].map(() => picked(selectSender(pool, { to: "+12125551234" })));
    expect(new Set(got)).toEqual(new Set(["PN415", "PN212"]));
    expect(got[0]).not.toBe(got[1]);
  });

  it("Area Code Geomatch is SMS only: WhatsApp matches country only", () => {
    expect(picked(run(["WA1", "WAGB"], { to: "whatsapp:+447400000001" }))).toBe("WAGB");
  });
});

describe("WhatsApp and RCS channels", () => {
  it.each<[string, Id[], string, SelectContext["carrier"], string, string]>([
    ["WhatsApp of the country", ["WA1", "WAGB", "PN415"], "whatsapp:+14155551234", {}, "WA1", "channel whatsapp: WA1 (US)"],
    ["any WhatsApp sender when none matches", ["WAGB", "PN415"], "whatsapp:+14155551234", {}, "WAGB", "none in US"],
    ["rcs: approved sender", ["RC1", "RCGB"], "rcs:+447400123456", {}, "RCGB", "approved for GB"],
    ["rcs: any RCS sender when none approved", ["RC1"], "rcs:+447400123456", {}, "RC1", "none approved for GB"],
  ])("%s", (_n, ids, to, carrier, want, traceHas) => {
    const r = run(ids, { to }, { carrier });
    expect(picked(r)).toBe(want);
    expect(r.ok && r.channel).toBe(to.split(":")[0]);
    expect(r.trace.join("\n")).toContain(traceHas);
  });

  it("RCS fallback: FallbackFrom, else the single SMS sender, else none", () => {
    const one = run(["RC1", "PN415", "WA1"], { to: "+14155551234" }, { carrier: { rcs: true } });
    expect(one.ok && one.fallback?.id).toBe("PN415");
    const two = run(["RC1", "PN415", "TF1"], { to: "+14155551234" }, { carrier: { rcs: true } });
    expect(two.ok && two.fallback).toBeUndefined();
    expect(two.trace.join("\n")).toContain("2 SMS senders and no FallbackFrom");
    const chosen = run(["RC1", "PN415", "TF1"], { to: "rcs:+14155551234", fallbackFrom: "+18885550100" });
    expect(chosen.ok && chosen.fallback?.id).toBe("TF1");
    const bad = run(["RC1", "PN415"], { to: "rcs:+14155551234", fallbackFrom: "whatsapp:+14155550111" });
    expect(picked(bad)).toBe(21606);
    const ignored = run(["PN415"], { to: "+14155551234", fallbackFrom: "+14155550100" });
    expect(ignored.trace.join("\n")).toContain("FallbackFrom ignored");
  });

  it("RCS selections write no sticky mapping", () => {
    const r = run(["RC1", "PN415"], { to: "+14155551234" }, { carrier: { rcs: true } });
    expect(r.ok && r.stickyWrite).toBeUndefined();
  });
});

describe("MMS and the MMS Converter", () => {
  const media = { to: "+14155551234", body: "pic", mediaUrls: ["https://x/a.jpg"] };
  it("media needs an MMS-capable sender", () => {
    const r = run(["PN212", "PN415"], { ...media, to: "+12125551234" });
    expect(r.ok && [r.sender.id, r.channel]).toEqual(["PN415", "mms"]);
  });
  it("carrier without MMS + converter on: SMS with links, any SMS sender", () => {
    const r = run(["PN212"], media, { carrier: { mms: false } });
    expect(r.ok && [r.sender.id, r.channel, r.converted]).toEqual(["PN212", "sms", true]);
  });
  it("carrier without MMS + converter off: MMS anyway (carrier may fail it)", () => {
    const r = run(["PN212", "PN415"], media, { carrier: { mms: false } }, { mmsConverter: false });
    expect(r.ok && [r.sender.id, r.channel, r.converted]).toEqual(["PN415", "mms", undefined]);
    expect(r.trace[0]).toContain("MMS Converter is off");
  });
  it("WhatsApp carries media itself", () => {
    const r = run(["WA1"], { ...media, to: "whatsapp:+14155551234" }, { carrier: { mms: false } });
    expect(r.ok && [r.channel, r.converted]).toEqual(["whatsapp", undefined]);
  });
});

describe("Scaler", () => {
  it("fewest in flight wins", () => {
    const pool = new RoutingPool([S.PN212, S.PN646], { stickySender: false });
    pool.setInFlight("PN212", 5);
    expect(picked(selectSender(pool, { to: "+13325551234" }))).toBe("PN646");
  });
  it("with Sticky Sender on, fewest mappings among equally loaded", () => {
    const store = new MemoryStickyStore();
    store.set("sms", "+13325550001", "PN212");
    const pool = new RoutingPool([S.PN212, S.PN646]);
    expect(picked(selectSender(pool, { to: "+13325551234" }, { sticky: store }))).toBe("PN646");
  });
  it("round robin spreads ties evenly and deterministically", () => {
    const pool = new RoutingPool([S.PN212, S.PN646, S.PN415], { stickySender: false, areaCodeGeomatch: false });
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const r = selectSender(pool, { to: "+12125551234" });
      counts.set(picked(r) as string, (counts.get(picked(r) as string) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([100, 100, 100]);
  });
});

describe("Sticky Sender lifecycle", () => {
  const to = "+14155551234";
  function send(pool: RoutingPool, store: MemoryStickyStore, req: RoutingRequest, carrier: SelectContext["carrier"] = {}) {
    const r = selectSender(pool, req, { sticky: store, carrier });
    applySelection(pool, store, r);
    return r;
  }

  it("writes after the first send, then reuses the mapping", () => {
    const pool = new RoutingPool([S.PN415, S.TF1]);
    const store = new MemoryStickyStore();
    const first = send(pool, store, { to });
    expect(first.ok && first.stickyWrite).toEqual({ channel: "sms", recipient: to, senderId: "PN415" });
    expect(first.trace).toEqual(["sticky: no mapping", "tier long_code: PN415 (same area code 415)", `sticky: mapped ${to} -> PN415`]);
    pool.setInFlight("PN415", 100);
    const second = send(pool, store, { to });
    expect(picked(second)).toBe("PN415");
    expect(second.trace).toEqual([`sticky: ${to} -> PN415 (mapping still valid)`]);
  });

  it("off ignores mappings but keeps them; on again uses them", () => {
    const pool = new RoutingPool([S.PN212, S.PN646]);
    const store = new MemoryStickyStore();
    store.set("sms", to, "PN646");
    pool.setSettings({ stickySender: false });
    pool.setInFlight("PN646", 3);
    const off = send(pool, store, { to });
    expect(picked(off)).toBe("PN212");
    expect(off.ok && off.stickyWrite).toBeUndefined();
    expect(store.get("sms", to)).toBe("PN646");
    pool.setSettings({ stickySender: true });
    expect(picked(send(pool, store, { to }))).toBe("PN646");
  });

  it("a mapping that fails validation is removed and selection runs fresh", () => {
    const pool = new RoutingPool([S.SC1, S.PN415]);
    const store = new MemoryStickyStore();
    expect(picked(send(pool, store, { to }))).toBe("SC1");
    const r = send(pool, store, { to }, { shortCode: false });
    expect(picked(r)).toBe("PN415");
    expect(r.trace).toContain(`sticky: removed ${to} -> SC1 (carrier takes no short codes)`);
    expect(r.ok && r.stickyRemove).toEqual({ channel: "sms", recipient: to });
    expect(store.get("sms", to)).toBe("PN415");
  });

  it.each<[string, Id[], Id, RoutingRequest, string]>([
    ["alpha no longer eligible (short code added)", ["AI1", "SCGB", "PNGB"], "AI1", { to: "+447400123456" }, "pool has a short code for GB"],
    ["sender removed from the pool", ["PN212"], "PN415", { to }, "sender no longer in the pool"],
    ["media needs MMS", ["PN212", "PN415"], "PN212", { to, mediaUrls: ["https://x/a"] }, "not MMS-capable"],
    ["WhatsApp mapping to a non-WhatsApp sender", ["WA1", "PN415"], "PN415", { to: "whatsapp:" + to }, "not a WhatsApp sender"],
  ])("invalid mapping: %s", (_n, ids, mapped, req, why) => {
    const channel = req.to.startsWith("whatsapp:") ? "whatsapp" : "sms";
    const r = run(ids, req, { sticky: singleMappingStore(channel, req.to.replace("whatsapp:", ""), mapped) });
    expect(r.ok).toBe(true);
    expect(r.trace.join("\n")).toContain(why);
    expect(r.stickyRemove).toEqual({ channel, recipient: req.to.replace("whatsapp:", "") });
  });

  it("SMS and WhatsApp keep separate mappings", () => {
    const pool = new RoutingPool([S.PN415, S.WA1]);
    const store = new MemoryStickyStore();
    send(pool, store, { to });
    send(pool, store, { to: `whatsapp:${to}` });
    expect([store.get("sms", to), store.get("whatsapp", to)]).toEqual(["PN415", "WA1"]);
  });

  it("removing a sender deletes its mappings", () => {
    const pool = new RoutingPool([S.PN415, S.PN212]);
    const store = new MemoryStickyStore();
    store.set("sms", to, "PN415");
    store.set("sms", "+14155550002", "PN415");
    store.set("sms", "+12125550002", "PN212");
    expect(pool.removeSender("PN415", store)).toEqual({ removed: true, removedMappings: 2 });
    expect(store.size("sms")).toBe(1);
    expect(store.mappingCount("sms", "PN415")).toBe(0);
    expect(pool.removeSender("nope", store).removed).toBe(false);
  });

  it("adding a sender of a new country remaps that country's recipients", () => {
    const pool = new RoutingPool([S.PN415]);
    const store = new MemoryStickyStore();
    send(pool, store, { to: "+447400123456" });
    send(pool, store, { to: "+33612345678" });
    send(pool, store, { to });
    expect(store.get("sms", "+447400123456")).toBe("PN415");
    expect(pool.addSender(S.PNGB, store)).toEqual({ remapped: 1 });
    expect([store.get("sms", "+447400123456"), store.get("sms", "+33612345678"), store.get("sms", to)]).toEqual(["PNGB", "PN415", "PN415"]);
    expect(store.mappingCount("sms", "PNGB")).toBe(1);
    // A second sender of a country already served remaps nothing.
    expect(pool.addSender({ ...S.PNGB, id: "PNGB2", address: "+442071830001" }, store)).toEqual({ remapped: 0 });
    // WhatsApp senders and WhatsApp mappings are left alone.
    expect(pool.addSender({ ...S.WAGB, id: "WAFR", address: "whatsapp:+33612345670" }, store)).toEqual({ remapped: 0 });
  });
});

describe("planMessage", () => {
  const link = (() => {
    let n = 0;
    return () => `https://swy.link/m/${++n}`;
  })();
  it("applies Smart Encoding to SMS", () => {
    const p = planMessage(new RoutingPool([S.SC1]), { to: "+14155551234", body: "Hello \u201cthere\u201d" });
    expect(p).toMatchObject({ senderId: "SC1", from: "55555", error: null, channel: "sms", encoding: "GSM-7", segments: 1, body: 'Hello "there"', converted: false });
  });
  it("leaves SMS bodies alone with Smart Encoding off", () => {
    const p = planMessage(new RoutingPool([S.SC1], { smartEncoding: false }), { to: "+14155551234", body: "\u201cx\u201d" });
    expect([p.encoding, p.body]).toEqual(["UCS-2", "\u201cx\u201d"]);
  });
  it("appends media links when converted", () => {
    const p = planMessage(new RoutingPool([S.PN212]), { to: "+12125551234", body: "pic", mediaUrls: ["https://x/a.jpg", "https://x/b.jpg"] }, { carrier: { mms: false }, makeMediaLink: link });
    expect([p.body, p.converted, p.channel]).toEqual(["pic\nhttps://swy.link/m/1\nhttps://swy.link/m/2", true, "sms"]);
  });
  it("counts one segment for WhatsApp and MMS, keeps Unicode", () => {
    const p = planMessage(new RoutingPool([S.WA1]), { to: "whatsapp:+14155551234", body: "\u201c".repeat(200) });
    expect([p.channel, p.segments, p.body.length]).toEqual(["whatsapp", 1, 200]);
  });
  it("reports errors with null sender", () => {
    const p = planMessage(new RoutingPool([]), { to: "+14155551234", body: "hi" });
    expect(p).toMatchObject({ senderId: null, from: null, error: 21704, channel: "sms", segments: 1 });
    expect(planMessage(new RoutingPool([]), { to: "nope" }).channel).toBeNull();
  });
});
