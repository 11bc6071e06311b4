import pg from "pg";
import { PgLinkStore } from "@/lib/server/links/link-store";
import { errFields, log } from "@/lib/server/observability/logger";
import { databaseUrl } from "@/lib/server/db/client";

const g = globalThis as unknown as { linkStore?: PgLinkStore };

/** One link store (pg pool + caches + click batching) per server process, created on first use. */
export function sharedLinkStore(): PgLinkStore {
  if (g.linkStore) return g.linkStore;
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 4 });
  pool.on("error", (err) => log.error(errFields(err), "link store database connection lost"));
  g.linkStore = new PgLinkStore(pool);
  return g.linkStore;
}
