import { describe, expect, it } from "vitest";
import { certificateCoversDomain, commonNameOf, normalizeDomainName, parseSubjectAltNames } from "./domain-name";
import { chartScale, dailySeries, niceCeil } from "./click-series";
import { decideRedirect, LINK_LIFETIME_MS } from "./expiry";
import { findLinks } from "./find-links";
import { rewriteBody, shortUrl } from "./rewrite-body";
import { shortenBody } from "./shorten-body";
import { isSlug, SLUG_ALPHABET, slugFromBytes } from "./slug";

describe("findLinks", () => {
  const cases: [string, string[]][] = [
    ["no links here", []],
    ["https://example.com", ["https://example.com"]],
    ["Visit https://example.com/a?b=1&c=2#x now", ["https://example.com/a?b=1&c=2#x"]],
    ["HTTP://EXAMPLE.COM/Path", ["HTTP://EXAMPLE.COM/Path"]],
    ["two: http://a.io, https://b.io.", ["http://a.io", "https://b.io"]],
    ["end of sentence https://a.io/x!", ["https://a.io/x"]],
    ["question https://a.io/x?", ["https://a.io/x"]],
    ["(see https://a.io/x)", ["https://a.io/x"]],
    ["(see https://en.wikipedia.org/wiki/A_(b))", ["https://en.wikipedia.org/wiki/A_(b)"]],
    ["[https://a.io/x]", ["https://a.io/x"]],
    ["quoted \"https://a.io/q\" here", ["https://a.io/q"]],
    ["<https://a.io/angle>", ["https://a.io/angle"]],
    ["'https://a.io/single'", ["https://a.io/single"]],
    ["line\nhttps://a.io\nnext", ["https://a.io"]],
    ["tab\thttps://a.io/t\tend", ["https://a.io/t"]],
    ["no scheme example.com/page", []],
    ["ftp://files.example.com", []],
    ["xhttps://a.io", []],
    ["mail@https://a.io", []],
    ["https:// a.io", []],
    ["https://", []],
    ["https://-bad", []],
    ["http://[::1]:8080/x", ["http://[::1]:8080/x"]],
    ["https://a.io/é?q=ü 😀", ["https://a.io/é?q=ü"]],
    ["https://a.io:8443/p;x=1", ["https://a.io:8443/p;x=1"]],
    ["a https://a.io/x... b", ["https://a.io/x"]],
    ["https://a.iohttps://b.io", ["https://a.iohttps://b.io"]],
    ["same https://a.io twice https://a.io", ["https://a.io", "https://a.io"]],
  ];
  it.each(cases)("%j", (body, urls) => {
    const found = findLinks(body);
    expect(found.map((f) => f.url)).toEqual(urls);
    for (const f of found) expect(body.slice(f.start, f.end)).toBe(f.url);
  });
});

describe("slugs", () => {
  it("uses 62 alphanumeric characters", () => {
    expect(SLUG_ALPHABET).toHaveLength(62);
    expect(new Set(SLUG_ALPHABET).size).toBe(62);
  });
  it("maps bytes below 248 uniformly and rejects the rest", () => {
    expect(slugFromBytes(Uint8Array.from([0, 1, 9, 10, 35, 36, 61, 62, 247, 124]))).toBe("019AZaz0z0");
    expect(slugFromBytes(Uint8Array.from([248, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe("0123456789");
  });
  it("returns null when too few bytes survive", () => {
    expect(slugFromBytes(Uint8Array.from([1, 2, 3]))).toBeNull();
    expect(slugFromBytes(new Uint8Array(16).fill(250))).toBeNull();
  });
  it.each([
    ["abcDEF1234", true],
    ["abcDEF123", false],
    ["abcDEF12345", false],
    ["abcDEF123-", false],
    ["abcdéf1234", false],
  ])("isSlug(%j) = %s", (s, ok) => expect(isSlug(s)).toBe(ok));
});

describe("rewriteBody / shortUrl / shortenBody", () => {
  it("formats the short link with or without the scheme", () => {
    expect(shortUrl("go.example.com", "abcDEF1234", false)).toBe("https://go.example.com/abcDEF1234");
    expect(shortUrl("go.example.com", "abcDEF1234", true)).toBe("go.example.com/abcDEF1234");
  });
  it("replaces each link in place", () => {
    const body = "A https://a.io/1, B (http://b.io/2).";
    expect(rewriteBody(body, findLinks(body), ["X", "Y"])).toBe("A X, B (Y).");
  });
  it("refuses mismatched replacements", () => {
    expect(() => rewriteBody("https://a.io", findLinks("https://a.io"), [])).toThrow();
  });
  it("gives every link its own slug, also for repeated URLs", () => {
    let n = 0;
    const r = shortenBody("x https://a.io y https://a.io", { domainName: "s.co", disableHttps: false, nextSlug: () => `slug${String(n++).padStart(6, "0")}` });
    expect(r.body).toBe("x https://s.co/slug000000 y https://s.co/slug000001");
    expect(r.links).toEqual([
      { slug: "slug000000", originalUrl: "https://a.io" },
      { slug: "slug000001", originalUrl: "https://a.io" },
    ]);
  });
  it("leaves a body without links alone and draws no slug", () => {
    const r = shortenBody("plain", { domainName: "s.co", disableHttps: true, nextSlug: () => { throw new Error("no"); } });
    expect(r).toEqual({ body: "plain", links: [] });
  });
});

describe("decideRedirect", () => {
  const created = new Date("2026-01-01T00:00:00Z");
  const link = { originalUrl: "https://orig.example/x", createdAt: created };
  const at = (ms: number) => new Date(created.getTime() + ms);
  it.each([
    ["right after creation", link, "https://fb.example", at(0), { kind: "original", location: "https://orig.example/x", recordClick: true }],
    ["one ms before 90 days", link, "https://fb.example", at(LINK_LIFETIME_MS - 1), { kind: "original", location: "https://orig.example/x", recordClick: true }],
    ["at 90 days with fallback", link, "https://fb.example", at(LINK_LIFETIME_MS), { kind: "fallback", location: "https://fb.example", recordClick: false }],
    ["after 90 days without fallback", link, null, at(LINK_LIFETIME_MS + 5), { kind: "not-found", recordClick: false }],
    ["unknown slug even with fallback", null, "https://fb.example", at(0), { kind: "not-found", recordClick: false }],
  ] as const)("%s", (_name, l, fb, now, want) => {
    expect(decideRedirect(l, fb, now)).toEqual(want);
  });
});

describe("domain names and certificate coverage", () => {
  it.each([
    ["Go.Example.COM.", "go.example.com"],
    ["example.com", "example.com"],
    ["localhost", null],
    ["10.0.0.1", null],
    ["-bad.example.com", null],
    ["bad-.example.com", null],
    ["a..b.com", null],
    ["under_score.com", null],
    ["", null],
    ["x".repeat(64) + ".com", null],
  ])("normalizeDomainName(%j) = %j", (raw, want) => expect(normalizeDomainName(raw)).toBe(want));

  const cov = (domain: string, dnsAltNames: string[], commonName: string | null = null) => certificateCoversDomain(domain, { dnsAltNames, commonName });
  it.each([
    ["exact SAN", "go.example.com", ["go.example.com"], null, true],
    ["SAN case-insensitive", "go.example.com", ["GO.Example.com"], null, true],
    ["wildcard one label", "go.example.com", ["*.example.com"], null, true],
    ["wildcard not the apex", "example.com", ["*.example.com"], null, false],
    ["wildcard not two labels", "a.go.example.com", ["*.example.com"], null, false],
    ["wildcard of a TLD refused", "example.com", ["*.com"], null, false],
    ["partial wildcard refused", "go.example.com", ["g*.example.com"], null, false],
    ["CN used without SANs", "go.example.com", [], "go.example.com", true],
    ["CN ignored when SANs exist", "go.example.com", ["other.example.com"], "go.example.com", false],
    ["nothing", "go.example.com", [], null, false],
  ])("%s", (_n, domain, sans, cn, want) => expect(cov(domain, sans, cn)).toBe(want));

  it("reads SANs and CN the way node:crypto prints them", () => {
    expect(parseSubjectAltNames("DNS:a.com, DNS:*.b.com, IP Address:1.2.3.4")).toEqual(["a.com", "*.b.com"]);
    expect(parseSubjectAltNames(undefined)).toEqual([]);
    expect(commonNameOf("C=US\nO=Org\nCN=example.com")).toBe("example.com");
    expect(commonNameOf("O=Org")).toBeNull();
  });
});

describe("click series", () => {
  it("zero-fills days ending today (UTC)", () => {
    const s = dailySeries([{ day: "2026-03-02", clicks: 4 }], new Date("2026-03-03T23:59:00Z"), 3);
    expect(s).toEqual([
      { day: "2026-03-01", clicks: 0 },
      { day: "2026-03-02", clicks: 4 },
      { day: "2026-03-03", clicks: 0 },
    ]);
  });
  it.each([
    [0, 0],
    [1, 1],
    [3, 5],
    [7, 10],
    [11, 20],
    [250, 500],
    [1000, 1000],
  ])("niceCeil(%d) = %d", (n, want) => expect(niceCeil(n)).toBe(want));
  it("scales bars to the nice maximum", () => {
    expect(chartScale([0, 5, 10], 100)).toEqual({ max: 10, heights: [0, 50, 100] });
    expect(chartScale([0, 0], 100)).toEqual({ max: 0, heights: [0, 0] });
  });
});
