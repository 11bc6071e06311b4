/** Summary of a sender pool, enough to warn about it (docs/product.md "Console sections", Sender Pool). */
export interface PoolSummary {
  total: number;
  tollFreeCount: number;
}

/** Non-blocking warnings shown above a service's sender pool. */
export function poolWarnings(p: PoolSummary): string[] {
  const out: string[] = [];
  if (p.total === 0) out.push("This service has no sender yet: messages sent through it will fail until you add one.");
  if (p.tollFreeCount > 1)
    out.push(`This pool has ${p.tollFreeCount} toll-free numbers. Toll-free traffic is verified per number; one toll-free number per service is usually enough.`);
  return out;
}
