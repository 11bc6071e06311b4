import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataRoot, embeddedUrl, ensureDatabase, startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";
import { config } from "@/lib/server/config";

/**
 * Resolves the database for a process that serves the console: DATABASE_URL
 * when set, else the data directory's embedded server (database `switchyard`).
 * Applies pending migrations either way. `stop` stops the embedded server
 * only when this call started it: a console still running on it keeps it.
 */
export async function prepareDatabase(opts: { database?: string; log?: (l: string) => void } = {}) {
  let url = config().DATABASE_URL;
  let stop = async () => undefined as void;
  let embedded: { port: number; startedHere: boolean; dataDir: string } | undefined;
  if (!url) {
    const pg = await startEmbeddedPostgres({ log: opts.log });
    embedded = { port: pg.port, startedHere: pg.startedHere, dataDir: path.join(dataRoot(), "postgres") };
    if (pg.startedHere) stop = pg.stop;
    const database = opts.database ?? "switchyard";
    await ensureDatabase(embeddedUrl(pg.port, "postgres"), database);
    url = embeddedUrl(pg.port, database);
  }
  const migrations = await applyMigrations(url);
  return { url, stop, migrations, embedded };
}

/** A stable NEXTAUTH_SECRET for the embedded default: generated once into the data directory. */
/**
 * This installation's auth-token key (docs/security.md "Secrets at rest"), generated once into the data
 * directory like the session secret, for `npm start` when SWITCHYARD_TOKEN_KEY is not set. Production
 * sets the variable (and keeps the key apart from the database's backups).
 */
export function localTokenKey(dataDir = dataRoot()): string {
  const file = path.join(dataDir, "token-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, key + "\n", { mode: 0o600 });
  return key;
}

export function localAuthSecret(dataDir = dataRoot()): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
