import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { embeddedUrl, ensureDatabase, startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";

/**
 * Resolves the database for a process that serves the console: DATABASE_URL
 * when set, else the embedded server under .data/ (database `switchyard`).
 * Applies pending migrations either way.
 */
export async function prepareDatabase(opts: { database?: string; log?: (l: string) => void } = {}) {
  let url = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!url) {
    const pg = await startEmbeddedPostgres({ log: opts.log });
    stop = pg.stop;
    const database = opts.database ?? "switchyard";
    await ensureDatabase(embeddedUrl(pg.port, "postgres"), database);
    url = embeddedUrl(pg.port, database);
  }
  const migrations = await applyMigrations(url);
  return { url, stop, migrations };
}

/** A stable NEXTAUTH_SECRET for the embedded default: generated once into .data/. */
export function localAuthSecret(dataDir = path.join(process.cwd(), ".data")): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
