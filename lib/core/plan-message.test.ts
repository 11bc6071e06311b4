import { describe, expect, it } from "vitest";
import { planMessage, type PlanContext } from "./plan-message";
import { RoutingPool } from "./route/pool";
import { DEFAULT_CARRIER, DEFAULT_SERVICE_SETTINGS, type CarrierInfo, type Sender, type ServiceSettings } from "./route/types";

const MMS_NUMBER: Sender = { id: "PN1", type: "long_code", address: "+14155550100", capabilities: ["SMS", "MMS"] };
const WA: Sender = { id: "WA1", type: "whatsapp", address: "whatsapp:+14155550111", country: "US" };
const RCS: Sender = { id: "RC1", type: "rcs", address: "rcs:acme", countries: ["US"] };

function plan(input: Parameters<typeof planMessage>[1], over: { settings?: Partial<ServiceSettings>; carrier?: Partial<CarrierInfo>; senders?: Sender[] } = {}) {
  let n = 0;
  const ctx: PlanContext = {
    settings: { ...DEFAULT_SERVICE_SETTINGS, stickySender: false, ...over.settings },
    carrier: { ...DEFAULT_CARRIER, ...over.carrier },
    makeMediaLink: () => `https://l.example/${++n}`,
  };
  return planMessage(new RoutingPool(over.senders ?? [MMS_NUMBER, WA, RCS]), input, ctx);
}

const CURLY = "It\u2019s \u201cready\u201d";

describe("planMessage", () => {
  it.each([
    { name: "smart encoding on", smart: true, body: CURLY, sent: 'It\'s "ready"', encoding: "GSM-7", segments: 1, trace: "smart encoding: 3 character(s) replaced" },
    { name: "smart encoding off", smart: false, body: CURLY, sent: CURLY, encoding: "UCS-2", segments: 1, trace: undefined },
    { name: "emoji stays UCS-2 with it on", smart: true, body: "\u{1F389}" + "x".repeat(69), sent: "\u{1F389}" + "x".repeat(69), encoding: "UCS-2", segments: 2, trace: undefined },
    { name: "161 GSM characters, 2 segments", smart: true, body: "a".repeat(161), sent: "a".repeat(161), encoding: "GSM-7", segments: 2, trace: undefined },
  ])("SMS: $name", ({ smart, body, sent, encoding, segments, trace }) => {
    const p = plan({ to: "+14155551234", body }, { settings: { smartEncoding: smart } });
    expect(p).toMatchObject({ ok: true, senderId: "PN1", channel: "sms", body: sent, encoding, segments, converted: false });
    if (trace) expect(p.trace).toContain(trace);
    else expect(p.trace.some((l) => l.startsWith("smart encoding"))).toBe(false);
  });

  it("MMS to a carrier that takes MMS: body untouched (no Smart Encoding), one message", () => {
    const p = plan({ to: "+14155551234", body: CURLY + "x".repeat(200), mediaUrls: ["https://m/1.jpg"] });
    expect(p).toMatchObject({ ok: true, body: CURLY + "x".repeat(200), segments: 1, converted: false, warnings: [] });
  });

  it("MMS Converter on, carrier without MMS: links appended one per line, smart-encoded, counted", () => {
    const p = plan({ to: "+14155551234", body: CURLY, mediaUrls: ["https://m/1.jpg", "https://m/2.jpg"] }, { carrier: { mms: false } });
    expect(p).toMatchObject({ ok: true, converted: true, body: 'It\'s "ready"\nhttps://l.example/1\nhttps://l.example/2', encoding: "GSM-7", segments: 1 });
    expect(p.trace).toContain("mms converter: 2 link(s) appended, 1 segment(s)");
  });

  it("converter links alone when there is no body, and they may add a segment", () => {
    expect(plan({ to: "+14155551234", mediaUrls: ["https://m/1.jpg"] }, { carrier: { mms: false } }).body).toBe("https://l.example/1");
    const p = plan({ to: "+14155551234", body: "b".repeat(150), mediaUrls: ["https://m/1.jpg"] }, { carrier: { mms: false } });
    expect(p.segments).toBe(2);
  });

  it("MMS Converter off, carrier without MMS: sent as MMS with the carrier_cannot_receive_mms warning", () => {
    const p = plan({ to: "+14155551234", body: "hi", mediaUrls: ["https://m/1.jpg"] }, { settings: { mmsConverter: false }, carrier: { mms: false } });
    expect(p).toMatchObject({ ok: true, converted: false, body: "hi", segments: 1 });
    expect(p.warnings.map((w) => w.code)).toEqual(["carrier_cannot_receive_mms"]);
  });

  it("WhatsApp and RCS: no Smart Encoding, one message; RCS keeps the pool's only SMS sender as fallback", () => {
    const wa = plan({ to: "whatsapp:+14155551234", body: CURLY });
    expect(wa).toMatchObject({ ok: true, senderId: "WA1", channel: "whatsapp", body: CURLY, segments: 1 });
    const rcs = plan({ to: "+14155551234", body: CURLY }, { carrier: { rcs: true } });
    expect(rcs).toMatchObject({ ok: true, senderId: "RC1", channel: "rcs", body: CURLY, segments: 1 });
    expect(rcs.fallbackSender?.id).toBe("PN1");
    const explicit = plan({ to: "+14155551234", body: "x", fallbackFrom: "+14155550100" }, { carrier: { rcs: true } });
    expect(explicit.fallbackSender?.id).toBe("PN1");
  });

  it.each([
    { to: "12345", body: "x", code: 21211 },
    { to: "+14155551234", body: "", code: 21602 },
    { to: "+14155551234", body: "x".repeat(1601), code: 21617 },
  ])("validation: $code", ({ to, body, code }) => {
    const p = plan({ to, body });
    expect(p.ok).toBe(false);
    expect(p.error?.code).toBe(code);
  });

  it("routing failure: media without an MMS-capable sender is 21703", () => {
    const p = plan({ to: "+14155551234", body: "x", mediaUrls: ["https://m/1.jpg"] }, { senders: [{ id: "PN2", type: "long_code", address: "+14155550102" }] });
    expect(p).toMatchObject({ ok: false, senderId: null });
    expect(p.error?.code).toBe(21703);
  });
});
