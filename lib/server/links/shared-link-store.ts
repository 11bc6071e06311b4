import pg from "pg";
import { PgLinkStore } from "@/lib/server/links/link-store";
import { errFields, log } from "@/lib/server/observability/logger";
import { config } from "@/lib/server/config";

const g = globalThis as unknown as { linkStore?: PgLinkStore };

/** One link store (pg pool + caches + click batching) per server process, created on first use. */
export function sharedLinkStore(): PgLinkStore {
  if (g.linkStore) return g.linkStore;
  const url = config().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("error", (err) => log.error(errFields(err), "link store database connection lost"));
  g.linkStore = new PgLinkStore(pool);
  return g.linkStore;
}
