/**
 * Clicks over time for the service's Link Shortening page: counts per UTC day
 * for the `days` days ending with `now`'s day, zero-filled so the chart has a
 * point per day.
 */
export interface DayCount {
  day: string; // YYYY-MM-DD (UTC)
  clicks: number;
}

export function dailySeries(counts: { day: string; clicks: number }[], now: Date, days: number): DayCount[] {
  const byDay = new Map(counts.map((c) => [c.day, c.clicks]));
  const out: DayCount[] = [];
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(end - i * 86_400_000).toISOString().slice(0, 10);
    out.push({ day, clicks: byDay.get(day) ?? 0 });
  }
  return out;
}

/** Bar heights (0..height) and the y-axis maximum for an SVG chart: the maximum rounds up to a "nice" number. */
export function chartScale(values: number[], height: number): { max: number; heights: number[] } {
  const peak = Math.max(0, ...values);
  const max = niceCeil(peak);
  return { max, heights: values.map((v) => (max === 0 ? 0 : (v / max) * height)) };
}

export function niceCeil(n: number): number {
  if (n <= 0) return 0;
  const pow = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * pow >= n) return m * pow;
  return 10 * pow;
}
