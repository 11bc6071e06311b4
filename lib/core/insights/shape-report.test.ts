import { describe, expect, it } from "vitest";
import { chartTable } from "./chart-tables";
import { latencyBin } from "./latency-histogram";
import { shapeReport } from "./shape-report";
import type { TimeRange } from "./time-range";

const range: TimeRange = { start: new Date("2026-12-01T00:00:00Z"), end: new Date("2026-12-04T00:00:00Z"), bucket: "day" };
const d1 = new Date("2026-12-01T00:00:00Z");
const d3 = new Date("2026-12-03T00:00:00Z");

describe("shapeReport", () => {
  const report = shapeReport(range, {
    counts: [
      { bucket: d1, direction: "outbound-api", status: "delivered", errorCode: 0, senderType: "long_code", count: 90 },
      { bucket: d1, direction: "outbound-api", status: "undelivered", errorCode: 30003, senderType: "long_code", count: 6 },
      { bucket: d3, direction: "outbound-api", status: "failed", errorCode: 30006, senderType: "short_code", count: 4 },
      { bucket: d3, direction: "outbound-api", status: "queued", errorCode: 0, senderType: "none", count: 10 },
      { bucket: d3, direction: "inbound", status: "received", errorCode: 0, senderType: "long_code", count: 7 },
      // Outside the range (a stale bucket): ignored.
      { bucket: new Date("2026-11-30T00:00:00Z"), direction: "outbound-api", status: "failed", errorCode: 30008, senderType: "long_code", count: 1000 },
    ],
    latency: [
      { kind: "sent", bin: latencyBin(100), count: 10 },
      { kind: "delivered", bin: latencyBin(2000), count: 9 },
      { kind: "delivered", bin: latencyBin(9000), count: 1 },
    ],
    peaks: [{ senderType: "long_code", peakHour: 7200, total: 96 }],
    events: [
      { bucket: d1, kind: "opt_out", count: 3 },
      { bucket: d3, kind: "opt_in", count: 1 },
      { bucket: d1, kind: "link_created", count: 10 },
      { bucket: d1, kind: "link_click", count: 6 },
      { bucket: d1, kind: "link_first_click", count: 4 },
    ],
    capacity: [{ kind: "long_code", senders: 3, ownMps: 5, defaults: 2 }],
  });

  it("fills every bucket, groups in-progress statuses and keeps inbound apart", () => {
    expect(report.status.map((s) => s.bucket)).toEqual(["2026-12-01T00:00:00.000Z", "2026-12-02T00:00:00.000Z", "2026-12-03T00:00:00.000Z"]);
    expect(report.status[1]).toMatchObject({ delivered: 0, failed: 0 });
    expect(report.status[2]).toMatchObject({ failed: 4, in_progress: 10, received: 7 });
    expect(report.inbound.map((i) => i.received)).toEqual([0, 0, 7]);
    expect(report.totals).toMatchObject({ outbound: 110, delivered: 90, withError: 10, inbound: 7, deliveryRate: 0.9 });
    expect(report.totals.errorRate).toBeCloseTo(10 / 110);
  });

  it("ranks error codes with Twilio's descriptions", () => {
    expect(report.errorCodes.map((e) => [e.code, e.description, e.count])).toEqual([
      [30003, "Unreachable destination handset", 6],
      [30006, "Landline or unreachable carrier", 4],
    ]);
  });

  it("reads p50/p95 from the histograms and throughput against capacity", () => {
    expect(report.latency[0]).toMatchObject({ kind: "sent", count: 10 });
    expect(report.latency[0]!.p50).toBeGreaterThan(100);
    expect(report.latency[1]!.p50).toBeLessThan(2000 * 1.19);
    expect(report.latency[1]!.p95).toBeGreaterThan(9000);
    expect(report.throughput).toEqual([{ senderType: "long_code", label: "Long code", senders: 3, capacityMps: 7, peakMps: 2, averageMps: 96 / (3 * 86400) }]);
  });

  it("counts click-through once per link", () => {
    expect(report.linkTotals).toEqual({ created: 10, clicks: 6, firstClicks: 4, clickThrough: 0.4 });
    expect(report.optOuts.map((o) => [o.optOuts, o.optIns])).toEqual([[3, 0], [0, 0], [0, 1]]);
  });

  it("gives each chart a table with one row per point", () => {
    expect(chartTable(report, "status").rows).toHaveLength(3);
    expect(chartTable(report, "errors").rows[0]).toEqual([30003, "Unreachable destination handset", 6, "5.5%"]);
    expect(chartTable(report, "links").columns).toEqual(["Period", "Links sent", "Clicks", "Links clicked"]);
  });
});
