/**
 * Insights time ranges (docs/insights.md "Filters"): presets counted back
 * from the current hour or day, or whole UTC days chosen by the user. The
 * rollups are hourly, so a range is a whole number of hours; charts use
 * hourly points up to two days and daily points beyond.
 */
export const RANGE_PRESETS = [
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
  { value: "custom", label: "Custom dates" },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]["value"];
export type Bucket = "hour" | "day";

/** The longest custom range: a year of daily points. */
export const MAX_CUSTOM_DAYS = 366;

export interface TimeRange {
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
  bucket: Bucket;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;

/** Parses YYYY-MM-DD as a UTC midnight, or null. */
export function parseDay(s: string | undefined): Date | null {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d;
}

export type RangeInput = { range: RangePreset; from?: string; to?: string };

/** A range, or an error message for the custom dates' field. */
export function resolveRange(input: RangeInput, now: Date): TimeRange | { error: string; field: "from" | "to" } {
  const t = now.getTime();
  switch (input.range) {
    case "24h":
      return { start: new Date(floorTo(t, HOUR) - 23 * HOUR), end: new Date(floorTo(t, HOUR) + HOUR), bucket: "hour" };
    case "7d":
    case "30d":
    case "90d": {
      const days = Number(input.range.slice(0, -1));
      return { start: new Date(floorTo(t, DAY) - (days - 1) * DAY), end: new Date(floorTo(t, DAY) + DAY), bucket: "day" };
    }
    case "custom": {
      const from = parseDay(input.from);
      const to = parseDay(input.to);
      if (!from) return { error: "Enter a start date (YYYY-MM-DD)", field: "from" };
      if (!to) return { error: "Enter an end date (YYYY-MM-DD)", field: "to" };
      if (to < from) return { error: "The end date is before the start date", field: "to" };
      const days = (to.getTime() - from.getTime()) / DAY + 1;
      if (days > MAX_CUSTOM_DAYS) return { error: `Choose at most ${MAX_CUSTOM_DAYS} days`, field: "to" };
      return { start: from, end: new Date(to.getTime() + DAY), bucket: days <= 2 ? "hour" : "day" };
    }
  }
}

/** Every bucket start of a range, in order (the x axis, with empty buckets kept). */
export function bucketStarts(range: TimeRange): Date[] {
  const step = range.bucket === "hour" ? HOUR : DAY;
  const out: Date[] = [];
  for (let t = floorTo(range.start.getTime(), step); t < range.end.getTime(); t += step) out.push(new Date(t));
  return out;
}
