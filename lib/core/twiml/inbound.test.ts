import { describe, expect, it } from "vitest";
import { resolveInboundTarget, type InboundSettings } from "./inbound-target";
import { addressGeo, inboundWebhookParams, mediaContentType, urlWithParams } from "./webhook-params";

const service = (over: Partial<InboundSettings> = {}): InboundSettings => ({
  incomingHandling: "defer",
  inboundRequestUrl: "https://app.test/in",
  inboundMethod: "POST",
  fallbackUrl: "https://app.test/fb",
  fallbackMethod: "GET",
  useInboundWebhookOnNumber: false,
  ...over,
});
const numberHook = { smsUrl: "https://num.test/sms", smsMethod: "GET" };
const noHook = { smsUrl: null, smsMethod: "POST" };

describe("resolveInboundTarget", () => {
  it.each([
    ["no service: the number's webhook", null, numberHook, { kind: "webhook", source: "number", primary: { url: "https://num.test/sms", method: "GET" }, fallback: null }],
    ["no service, no number webhook: nothing", null, noHook, { kind: "none" }],
    ["no service, short code (no webhook row): nothing", null, null, { kind: "none" }],
    ["defer: the number's webhook, service URLs ignored", service(), numberHook, { kind: "webhook", source: "number", primary: { url: "https://num.test/sms", method: "GET" }, fallback: null }],
    ["defer without a number webhook: nothing", service(), noHook, { kind: "none" }],
    [
      "webhook: service URL + fallback",
      service({ incomingHandling: "webhook" }),
      numberHook,
      { kind: "webhook", source: "service", primary: { url: "https://app.test/in", method: "POST" }, fallback: { url: "https://app.test/fb", method: "GET" } },
    ],
    [
      "webhook without fallback",
      service({ incomingHandling: "webhook", fallbackUrl: null, inboundMethod: "get" }),
      noHook,
      { kind: "webhook", source: "service", primary: { url: "https://app.test/in", method: "GET" }, fallback: null },
    ],
    [
      "webhook + use number's webhook: the number wins",
      service({ incomingHandling: "webhook", useInboundWebhookOnNumber: true }),
      numberHook,
      { kind: "webhook", source: "number", primary: { url: "https://num.test/sms", method: "GET" }, fallback: null },
    ],
    [
      "webhook + use number's webhook, number has none: the service",
      service({ incomingHandling: "webhook", useInboundWebhookOnNumber: true }),
      noHook,
      { kind: "webhook", source: "service", primary: { url: "https://app.test/in", method: "POST" }, fallback: { url: "https://app.test/fb", method: "GET" } },
    ],
    ["webhook with no request URL: disabled", service({ incomingHandling: "webhook", inboundRequestUrl: null }), numberHook, { kind: "none" }],
    ["conversation: the inbox, whatever the URLs", service({ incomingHandling: "conversation", useInboundWebhookOnNumber: true }), numberHook, { kind: "conversation" }],
  ])("%s", (_name, svc, sender, expected) => {
    expect(resolveInboundTarget(svc, sender)).toMatchObject(expected);
  });

  it("says why nothing is sent", () => {
    const t = resolveInboundTarget(service({ incomingHandling: "webhook", inboundRequestUrl: null }), null);
    expect(t.kind === "none" && t.reason).toMatch(/no inbound request URL/);
  });
});

describe("inboundWebhookParams", () => {
  const base = {
    messageSid: "SM" + "a".repeat(32),
    accountSid: "AC" + "b".repeat(32),
    serviceSid: "MG" + "c".repeat(32),
    from: "+14155550100",
    to: "+12125550123",
    body: "Hello",
    mediaUrls: [],
    numSegments: 1,
  };

  it("carries the contract's core, legacy and geo parameters", () => {
    expect(inboundWebhookParams(base)).toEqual({
      MessageSid: base.messageSid,
      SmsSid: base.messageSid,
      SmsMessageSid: base.messageSid,
      AccountSid: base.accountSid,
      MessagingServiceSid: base.serviceSid,
      From: "+14155550100",
      To: "+12125550123",
      Body: "Hello",
      NumMedia: "0",
      NumSegments: "1",
      SmsStatus: "received",
      ApiVersion: "2010-04-01",
      FromCountry: "US",
      FromState: "CA",
      ToCountry: "US",
      ToState: "NY",
    });
  });

  it("numbers media from 0 with a content type each; OptOutType when set; no service key without a service", () => {
    const p = inboundWebhookParams({ ...base, serviceSid: null, mediaUrls: ["https://m.test/a.JPG?x=1", "https://m.test/b"], optOutType: "STOP", body: "STOP" });
    expect(p).toMatchObject({ NumMedia: "2", MediaUrl0: "https://m.test/a.JPG?x=1", MediaContentType0: "image/jpeg", MediaUrl1: "https://m.test/b", MediaContentType1: "application/octet-stream", OptOutType: "STOP" });
    expect(p).not.toHaveProperty("MessagingServiceSid");
    expect(p).not.toHaveProperty("MediaUrl2");
  });

  it("no OptOutType when null; short code To takes the country passed in; WhatsApp adds WaId", () => {
    const p = inboundWebhookParams({ ...base, to: "12345", toCountry: "US", from: "whatsapp:+447400123456", optOutType: null });
    expect(p).not.toHaveProperty("OptOutType");
    expect(p).toMatchObject({ ToCountry: "US", FromCountry: "GB", WaId: "447400123456" });
    expect(p).not.toHaveProperty("ToState");
    expect(p).not.toHaveProperty("FromState");
  });
});

describe("addressGeo / mediaContentType / urlWithParams", () => {
  it.each([
    ["+14155550100", { country: "US", state: "CA" }],
    ["+14165550100", { country: "CA", state: "ON" }],
    ["+18005550100", { country: "US" }],
    ["+447400123456", { country: "GB" }],
    ["12345", {}],
    ["nonsense", {}],
  ])("geo of %s", (addr, geo) => {
    expect(addressGeo(addr)).toEqual(geo);
  });

  it.each([
    ["https://x.test/cat.png", "image/png"],
    ["https://x.test/v.MP4#t", "video/mp4"],
    ["https://x.test/card.vcf", "text/vcard"],
    ["https://x.test/noext", "application/octet-stream"],
    ["https://x.test/dir.jpg/file", "application/octet-stream"],
  ])("content type of %s", (url, type) => {
    expect(mediaContentType(url)).toBe(type);
  });

  it("GET params go after the URL's own query, encoded", () => {
    expect(urlWithParams("https://a.test/in?k=1", { Body: "a b&c", From: "+1" })).toBe("https://a.test/in?k=1&Body=a+b%26c&From=%2B1");
  });
});
