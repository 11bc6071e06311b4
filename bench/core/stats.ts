/** Small helpers shared by the core benchmarks. */

export function percentile(sortedNs: Float64Array, p: number): number {
  if (sortedNs.length === 0) return 0;
  const i = Math.min(sortedNs.length - 1, Math.floor((p / 100) * sortedNs.length));
  return sortedNs[i] ?? 0;
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** V8 keeps ConsStrings from `+=`; real bodies arrive flat from the HTTP parser. */
export function flat(s: string): string {
  return Buffer.from(s, "utf16le").toString("utf16le");
}

export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error("run with node --expose-gc (npm run bench:core does)");
  g();
  g();
}
