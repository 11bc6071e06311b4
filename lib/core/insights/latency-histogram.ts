/**
 * Fixed log-scale latency bins, the same as the database's
 * `insight_latency_bin()` (docs/insights.md "Latency"): bin 0 holds
 * latencies under 1 ms; bin b >= 1 holds [2^((b-1)/4), 2^(b/4)) ms, four bins
 * per doubling, so a bin is ~19% wide; bin 127 (the last) holds everything
 * from ~2.3 days up.
 */
export const BINS_PER_DOUBLING = 4;
export const LAST_BIN = 127;

export function latencyBin(ms: number): number {
  if (!(ms >= 1)) return 0;
  return Math.min(LAST_BIN, 1 + Math.floor(BINS_PER_DOUBLING * Math.log2(ms)));
}

/** The exclusive upper edge of a bin in ms (bin 0: 1 ms). */
export function binUpperMs(bin: number): number {
  return 2 ** (bin / BINS_PER_DOUBLING);
}

export interface BinCount {
  bin: number;
  count: number;
}

/**
 * The p-quantile (0 < p <= 1) of a histogram: the upper edge of the bin in
 * which the ceil(p * total)-th smallest latency falls, so the answer is
 * never below the true quantile and at most one bin (~19%) above it. Null
 * for an empty histogram.
 */
export function quantileMs(bins: readonly BinCount[], p: number): number | null {
  const sorted = [...bins].filter((b) => b.count > 0).sort((a, b) => a.bin - b.bin);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (seen >= rank) return binUpperMs(b.bin);
  }
  return binUpperMs(sorted[sorted.length - 1]!.bin);
}
