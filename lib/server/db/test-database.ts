import { embeddedUrl, recreateDatabase, startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";
import { config } from "@/lib/server/config";

/**
 * A fresh, migrated database for one test suite (`suffix` keeps the suites
 * apart): on the DATABASE_URL server when set (database `<name>_<suffix>`),
 * else on the embedded server. The operator's own database is never touched.
 */
export async function freshTestDatabase(suffix: string): Promise<string> {
  let adminUrl: string;
  let url: string;
  const base = config().DATABASE_URL;
  if (base) {
    const u = new URL(base);
    const name = `${u.pathname.replace(/^\//, "") || "switchyard"}_${suffix}`;
    u.pathname = `/${name}`;
    url = u.toString();
    const admin = new URL(base);
    admin.pathname = "/postgres";
    adminUrl = admin.toString();
  } else {
    const pg = await startEmbeddedPostgres();
    adminUrl = embeddedUrl(pg.port, "postgres");
    url = embeddedUrl(pg.port, `switchyard_${suffix}`);
  }
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await recreateDatabase(adminUrl, database);
  await applyMigrations(url);
  return url;
}

export async function dropTestDatabase(url: string): Promise<void> {
  const { Client } = (await import("pg")).default;
  const admin = new URL(url);
  const database = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
