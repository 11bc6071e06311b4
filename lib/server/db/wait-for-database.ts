import { db } from "./client";

/** How long work that lost the database waits for it before giving up. */
export const OUTAGE_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let probe: Promise<boolean> | null = null;

/**
 * Resolves once the database answers again (true), or after OUTAGE_WAIT_MS (false). Every caller waiting
 * at the same time shares one `SELECT 1` probe every 250 ms (docs/reliability.md "Database outages").
 */
export function waitForDatabase(): Promise<boolean> {
  probe ??= (async () => {
    for (const end = Date.now() + OUTAGE_WAIT_MS; Date.now() < end; await sleep(250)) {
      try {
        await db.$queryRaw`SELECT 1`;
        return true;
      } catch {
        // still down
      }
    }
    return false;
  })().finally(() => (probe = null));
  return probe;
}
