import { describe, expect, it } from "vitest";
import { rates, statusSeriesOf } from "./chart-series";
import { binUpperMs, latencyBin, quantileMs } from "./latency-histogram";
import { bucketStarts, resolveRange, type TimeRange } from "./time-range";

describe("latencyBin", () => {
  it.each([
    [0, 0],
    [0.5, 0],
    [1, 1],
    [1.18, 1],
    [1.19, 2],
    [2, 5],
    [1000, 40],
    [1e12, 127],
    [Number.NaN, 0],
  ])("%d ms -> bin %d", (ms, bin) => expect(latencyBin(ms)).toBe(bin));

  it("every latency is below its bin's upper edge and at or above the previous one's", () => {
    for (const ms of [1, 3, 17, 250, 999, 1234, 60_000, 3_600_000]) {
      const b = latencyBin(ms);
      expect(ms).toBeLessThan(binUpperMs(b));
      expect(ms).toBeGreaterThanOrEqual(binUpperMs(b - 1) - 1e-9);
    }
  });
});

describe("quantileMs", () => {
  it("is null when empty", () => expect(quantileMs([], 0.5)).toBeNull());
  it("answers the upper edge of the bin holding the rank, within one bin of the truth", () => {
    const latencies = Array.from({ length: 1000 }, (_, i) => 10 + i * 3); // 10 .. 3007 ms
    const bins = new Map<number, number>();
    for (const l of latencies) bins.set(latencyBin(l), (bins.get(latencyBin(l)) ?? 0) + 1);
    const hist = [...bins].map(([bin, count]) => ({ bin, count }));
    for (const p of [0.5, 0.95, 0.99]) {
      const truth = latencies[Math.ceil(p * latencies.length) - 1]!;
      const q = quantileMs(hist, p)!;
      expect(q).toBeGreaterThan(truth);
      expect(q / truth).toBeLessThan(2 ** 0.25 + 1e-9);
    }
  });
  it("ignores the order of bins and empty ones", () => {
    expect(quantileMs([{ bin: 9, count: 1 }, { bin: 5, count: 1 }, { bin: 7, count: 0 }], 0.5)).toBe(binUpperMs(5));
    expect(quantileMs([{ bin: 9, count: 1 }, { bin: 5, count: 1 }], 1)).toBe(binUpperMs(9));
  });
});

describe("resolveRange", () => {
  const now = new Date("2026-12-03T21:47:12Z");
  it("24h: the current hour and the 23 before, hourly", () => {
    const r = resolveRange({ range: "24h" }, now) as TimeRange;
    expect(r).toEqual({ start: new Date("2026-12-02T22:00:00Z"), end: new Date("2026-12-03T22:00:00Z"), bucket: "hour" });
    expect(bucketStarts(r)).toHaveLength(24);
  });
  it("7d: today and six days before, daily", () => {
    const r = resolveRange({ range: "7d" }, now) as TimeRange;
    expect(r).toEqual({ start: new Date("2026-11-27T00:00:00Z"), end: new Date("2026-12-04T00:00:00Z"), bucket: "day" });
    expect(bucketStarts(r).map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"]);
  });
  it("custom: whole UTC days, inclusive; hourly up to two days", () => {
    expect(resolveRange({ range: "custom", from: "2026-12-01", to: "2026-12-02" }, now)).toEqual({
      start: new Date("2026-12-01T00:00:00Z"),
      end: new Date("2026-12-03T00:00:00Z"),
      bucket: "hour",
    });
    expect((resolveRange({ range: "custom", from: "2026-11-01", to: "2026-12-02" }, now) as TimeRange).bucket).toBe("day");
  });
  it.each([
    [{ from: "", to: "2026-12-01" }, "from"],
    [{ from: "2026-02-30", to: "2026-12-01" }, "from"],
    [{ from: "2026-12-01", to: "nope" }, "to"],
    [{ from: "2026-12-02", to: "2026-12-01" }, "to"],
    [{ from: "2024-01-01", to: "2026-12-01" }, "to"],
  ])("custom %o is refused at %s", (dates, field) => {
    expect(resolveRange({ range: "custom", ...dates }, now)).toMatchObject({ field });
  });
});

describe("rates and status series", () => {
  it("delivery rate counts only decided messages; error rate all outbound", () => {
    expect(rates({ delivered: 90, read: 0, sent: 50, undelivered: 6, failed: 4, outbound: 160, withError: 10 })).toEqual({ deliveryRate: 0.9, errorRate: 10 / 160 });
    expect(rates({ delivered: 0, read: 0, sent: 0, undelivered: 0, failed: 0, outbound: 0, withError: 0 })).toEqual({ deliveryRate: null, errorRate: null });
  });
  it.each([
    ["accepted", "in_progress"],
    ["sending", "in_progress"],
    ["delivered", "delivered"],
    ["received", "received"],
    ["weird", "in_progress"],
  ])("%s -> %s", (status, series) => expect(statusSeriesOf(status)).toBe(series));
});
