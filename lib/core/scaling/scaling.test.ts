import { describe, expect, it } from "vitest";
import { checkCountryRules } from "./check-country-rules";
import { COUNTRY_RULES } from "./country-rules";
import { destinationOfPrefix } from "./destination";
import { countAtRisk, estimateQueue, type QueuedPrefix } from "./estimate-queue";
import { pacedMps, routingPoolOf, type ScalingSender } from "./pool";
import { servingSenders } from "./serving-senders";
import { detectSnowshoeing } from "./snowshoe";
import { suggestSenders, TARGET_DRAIN_SECONDS } from "./suggest-senders";

const SAFETY = 50;
const NOW = Date.parse("2026-12-03T12:00:00Z");

function sender(sid: string, type: ScalingSender["type"], address: string, country = "", mps: number | null = null): ScalingSender {
  return { sid, type, address, country, countries: [], sms: true, mms: false, mps };
}
const lc = (sid: string, e164: string, mps: number | null = null) => sender(sid, "long_code", e164, "", mps);

describe("destinationOfPrefix", () => {
  it.each([
    ["+1415", { channel: "sms", country: "US", npa: "415" }],
    ["+1416", { channel: "sms", country: "CA", npa: "416" }],
    ["+1800", { channel: "sms", country: "US", npa: "800" }],
    ["+1787", { channel: "sms", country: "PR", npa: "787" }],
    ["+3361", { channel: "sms", country: "FR" }],
    ["+4477", { channel: "sms", country: "GB" }],
    ["+5511", { channel: "sms", country: "BR" }],
    ["+7916", { channel: "sms", country: "RU" }],
    ["whatsapp:+5511", { channel: "whatsapp", country: "BR" }],
  ])("%s", (prefix, want) => expect(destinationOfPrefix(prefix)).toEqual(want));

  it("refuses what is not a number", () => expect(destinationOfPrefix("client:bob")).toBeUndefined());
});

describe("pacedMps", () => {
  it("is the limiter's spacing, 5 % below nominal", () => {
    expect(pacedMps("long_code", null, SAFETY)).toBeCloseTo(1000 / 1050, 6);
    expect(pacedMps("short_code", null, SAFETY)).toBeCloseTo(100 * (1000 / 1050), 2);
    expect(pacedMps("long_code", 10, SAFETY)).toBeCloseTo(10 * (1000 / 1050), 3);
    expect(pacedMps("toll_free", null, 0)).toBeCloseTo(3, 3);
  });
});

describe("servingSenders", () => {
  const pool = routingPoolOf([
    lc("PN1", "+14155550001"),
    lc("PN2", "+16465550002"),
    sender("PN3", "toll_free", "+18005550003"),
    sender("SC1", "short_code", "12345", "GB"),
    sender("AI1", "alpha", "ACME", ""),
  ]);
  const serve = (country: string, npa?: string, geo = true) =>
    servingSenders(pool, npa ? { channel: "sms", country, npa } : { channel: "sms", country }, { areaCodeGeomatch: geo }).senders.map((s) => s.id).sort();

  it("short code of the country first", () => expect(serve("GB")).toEqual(["SC1"]));
  it("alphanumeric where the country takes one", () => expect(serve("FR")).toEqual(["AI1"]));
  it("US numbers by area code with geomatch", () => expect(serve("US", "415")).toEqual(["PN1"]));
  it("overlay area code", () => expect(serve("US", "212")).toEqual(["PN2"]));
  it("the country's numbers without geomatch", () => expect(serve("US", "415", false)).toEqual(["PN1", "PN2", "PN3"]));
  it("toll-free first in Canada", () => expect(serve("CA", "416")).toEqual(["PN3"]));
  it("US numbers for a country without its own (and no alpha support)", () => expect(serve("CN")).toEqual(["PN1", "PN2", "PN3"]));
  it("WhatsApp needs a WhatsApp sender", () => expect(servingSenders(pool, { channel: "whatsapp", country: "US" }, { areaCodeGeomatch: true }).tier).toBe("none"));
});

describe("estimateQueue", () => {
  const senders = [lc("PN1", "+14155550001"), lc("PN2", "+14155550002"), sender("AI1", "alpha", "ACME", "FR")];
  const pool = routingPoolOf(senders);
  const q = (prefix: string, count: number, inSeconds = 36_000): QueuedPrefix => ({ prefix, count, earliestDeadlineMs: NOW + inSeconds * 1000 });

  it("groups destinations by serving senders and drains at their paced sum", () => {
    const e = estimateQueue({ pool, senders, queued: [q("+1415", 100), q("+1646", 90), q("+3361", 500)], areaCodeGeomatch: true, nowMs: NOW, safetyMs: SAFETY });
    expect(e.depth).toBe(690);
    const us = e.groups.find((g) => g.countries.includes("US"));
    expect(us?.senderSids).toEqual(["PN1", "PN2"]);
    expect(us?.depth).toBe(190);
    expect(us?.capacityMps).toBeCloseTo(2000 / 1050, 6);
    expect(us?.drainSeconds).toBeCloseTo(190 * 1.05 / 2, 6);
    const fr = e.groups.find((g) => g.countries.includes("FR"));
    expect(fr?.tier).toBe("alpha");
    expect(fr?.drainSeconds).toBeCloseTo(500 * 0.105, 6);
    expect(e.drainSeconds).toBeCloseTo(Math.max(99.75, 52.5), 6);
    expect(e.unroutable).toBe(0);
  });

  it("counts what no sender can take, and the drain time is unknown", () => {
    const e = estimateQueue({ pool, senders, queued: [q("whatsapp:+1415", 7)], areaCodeGeomatch: true, nowMs: NOW, safetyMs: SAFETY });
    expect(e.unroutable).toBe(7);
    expect(e.drainSeconds).toBeNull();
  });

  it("flags a group as possibly at risk only when its earliest deadline comes before it drains", () => {
    const e = estimateQueue({ pool, senders, queued: [q("+1415", 100, 30), q("+3361", 5, 30)], areaCodeGeomatch: true, nowMs: NOW, safetyMs: SAFETY });
    expect(e.groups.find((g) => g.tier === "long_code")?.atRiskPossible).toBe(true);
    expect(e.groups.find((g) => g.tier === "alpha")?.atRiskPossible).toBe(false);
  });

  it("an empty queue drains at once", () => {
    expect(estimateQueue({ pool, senders, queued: [], areaCodeGeomatch: true, nowMs: NOW, safetyMs: SAFETY })).toMatchObject({ depth: 0, drainSeconds: 0, groups: [] });
  });
});

describe("countAtRisk", () => {
  it.each([
    // 10 messages due in 5 s at 1/s: positions 0..5 leave by 5 s, 6..9 late.
    [[{ deadlineMs: NOW + 5000, count: 10 }], 1, 4],
    // already expired: all late.
    [[{ deadlineMs: NOW - 1000, count: 3 }], 1, 3],
    // two buckets, sorted by deadline whatever the input order.
    [[{ deadlineMs: NOW + 100_000, count: 5 }, { deadlineMs: NOW + 2000, count: 5 }], 1, 2],
    [[{ deadlineMs: NOW + 5000, count: 10 }], 2, 0],
    [[], 1, 0],
  ])("%j at %d/s: %d at risk", (buckets, rate, want) => expect(countAtRisk(buckets, rate, NOW)).toBe(want));
});

describe("suggestSenders", () => {
  const senders = [lc("PN1", "+14155550001")];
  const pool = routingPoolOf(senders);
  const group = (prefix: string, count: number) =>
    estimateQueue({ pool, senders, queued: [{ prefix, count, earliestDeadlineMs: NOW + 36_000_000 }], areaCodeGeomatch: true, nowMs: NOW, safetyMs: SAFETY }).groups[0]!;

  it("nothing while the queue drains within the target", () => expect(suggestSenders(group("+1415", 500), 0, SAFETY)).toEqual([]));

  it("US: long codes or one short code", () => {
    const [s] = suggestSenders(group("+1415", 6000), 0, SAFETY);
    // 6000 / 600 s = 10/s; a long code leaves at 0.952/s: 11 of them.
    expect(s?.message).toMatch(/^This service's US traffic needs about 11 long codes, or one short code to drain within 10 min: 6000 queued messages take 1\.8 h/);
    expect(s?.neededMps).toBe(6000 / TARGET_DRAIN_SECONDS);
  });

  it("Canada: toll-free, not long codes", () => expect(suggestSenders(group("+1416", 6000), 0, SAFETY)[0]?.message).toMatch(/CA traffic needs about 4 toll-free numbers, or one short code/));

  it("at-risk messages make it outgrown even within the target", () => expect(suggestSenders(group("+1415", 100), 3, SAFETY)[0]?.message).toMatch(/and 3 expire first/));

  it("one suggestion per country sharing the senders, each for its own share", () => {
    const g = estimateQueue({
      pool, senders, areaCodeGeomatch: true, nowMs: NOW, safetyMs: SAFETY,
      queued: [{ prefix: "+1415", count: 6000, earliestDeadlineMs: NOW + 36_000_000 }, { prefix: "+3361", count: 1200, earliestDeadlineMs: NOW + 36_000_000 }, { prefix: "+4477", count: 600, earliestDeadlineMs: NOW + 36_000_000 }],
    }).groups[0]!;
    expect(g.countries).toEqual(["FR", "GB", "US"]);
    expect(suggestSenders(g, 0, SAFETY).map((s) => s.message.split(" to drain")[0])).toEqual([
      "This service's US traffic needs about 11 long codes, or one short code",
      "This service's FR traffic needs an alphanumeric sender ID",
      "This service's GB traffic needs about 2 long codes, or one short code",
    ]);
  });
});

describe("checkCountryRules", () => {
  const ids = (senders: ScalingSender[], countries: string[]) => checkCountryRules(routingPoolOf(senders), countries, { areaCodeGeomatch: true }).map((h) => `${h.ruleId}@${h.country}`);

  it("every rule carries the guide passage it comes from", () => {
    for (const r of COUNTRY_RULES) expect(r.source.passage.length).toBeGreaterThan(40);
  });

  it("France with a long-code-only pool", () => expect(ids([lc("PN1", "+14155550001")], ["FR"])).toEqual(["fr-a2p-alpha-or-short-code@FR"]));
  it("France with an alphanumeric sender", () => expect(ids([lc("PN1", "+14155550001"), sender("AI1", "alpha", "ACME", "")], ["FR"])).toEqual([]));
  it("Canada on long codes", () => expect(ids([lc("PN1", "+14165550001")], ["CA"])).toEqual(["ca-no-a2p-on-long-codes@CA"]));
  it("Canada on toll-free", () => expect(ids([sender("PN1", "toll_free", "+18005550001")], ["CA"])).toEqual([]));
  it("US spread over numbers", () => expect(ids([lc("PN1", "+14155550001"), lc("PN2", "+16465550001")], ["US"])).toEqual(["us-ca-no-number-spreading@US"]));
  it("US short code without long codes", () => expect(ids([sender("SC1", "short_code", "12345", "US")], ["US"])).toEqual(["us-ca-short-code-reroute@US"]));
  it("toll-free to Germany", () => expect(ids([sender("PN1", "toll_free", "+18005550001")], ["DE"])).toEqual(["toll-free-outside-us-ca@DE"]));
  it("a foreign short code only", () => expect(ids([sender("SC1", "short_code", "12345", "US")], ["MX"])).toEqual(["short-codes-domestic-only@MX"]));
  it("errors first", () => {
    const hits = ids([lc("PN1", "+14155550001"), lc("PN2", "+16465550001"), lc("PN3", "+14165550001")], ["US", "CA"]);
    expect(hits[0]).toBe("ca-no-a2p-on-long-codes@CA");
    expect(hits).toContain("us-ca-no-number-spreading@US");
  });
});

describe("detectSnowshoeing", () => {
  it("warns from three numbers sending one body", () => {
    const found = detectSnowshoeing([
      { bodyHash: "a", sample: "Sale today", numbers: 3, messages: 30 },
      { bodyHash: "b", sample: "Your code", numbers: 2, messages: 80 },
    ]);
    expect(found.map((f) => f.bodyHash)).toEqual(["a"]);
    expect(found[0]?.message).toMatch(/3 phone numbers .* same content \("Sale today", 30 messages\)/);
  });
});
