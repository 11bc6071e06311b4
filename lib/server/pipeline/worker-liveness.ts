import { randomBytes } from "node:crypto";
import pg from "pg";

/** This process's identity as a worker (a new one per process start). */
export const PROCESS_ID = randomBytes(8).toString("hex");
export const LIVENESS_APP_PREFIX = "switchyard-worker:";

/**
 * A worker process is alive while it holds one idle connection named
 * `switchyard-worker:<PROCESS_ID>` (pg_stat_activity). A `kill -9` closes
 * its socket and Postgres drops the session at once; a late timer on a
 * loaded box or a database outage does not make a live process look dead
 * for long (it reconnects within a second of the database coming back),
 * which a heartbeat timestamp could not tell apart (docs/reliability.md).
 */
export function holdLiveness(connectionString: string): { connected: Promise<void>; stop(): Promise<void> } {
  let markConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const connect = async () => {
    if (stopped || client) return;
    const c = new pg.Client({ connectionString, application_name: `${LIVENESS_APP_PREFIX}${PROCESS_ID}` });
    c.on("error", () => undefined);
    c.on("end", () => {
      if (client === c) client = null;
      retry();
    });
    try {
      await c.connect();
      client = c;
      markConnected();
      if (stopped) await c.end().catch(() => undefined);
    } catch {
      await c.end().catch(() => undefined);
      retry();
    }
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, 500);
    timer.unref();
  };
  void connect();
  return {
    connected,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
