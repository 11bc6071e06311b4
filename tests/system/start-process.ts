import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureProductionBuild } from "@/scripts/next-process";
import { embeddedUrl, recordedPort, serverDataDirectory, startEmbeddedPostgres } from "@/lib/server/db/embedded";

/**
 * `scripts/start.ts` as an operator runs it (`npm start` after its build),
 * one process per instance, with its own data directory under /tmp: the
 * system tests of start-up, shutdown, sign-in and separate checkouts.
 * Output is captured, so tests can read and scan the server's log.
 */
export const repoRoot = path.resolve(import.meta.dirname, "../..");
/** Embedded PostgreSQL for these tests starts its port search here (ops-start's range), never on 54329. */
export const TEST_PG_PORT = "55200";

export interface Instance {
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

/** The production build, made once before the instances start (two at once in one checkout would both try). */
export async function ensureBuilt(): Promise<void> {
  await ensureProductionBuild(process.env.NEXT_DIST_DIR ?? ".next");
}

export function tempDataDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `switchyard-${label}-`));
  // mkdtemp makes it 0700; as root, PostgreSQL runs as the `postgres` user, who must reach postgres/ inside.
  chmodSync(dir, 0o755);
  return dir;
}

export function newAccount() {
  return { sid: "AC" + randomBytes(16).toString("hex"), token: randomBytes(16).toString("hex") };
}

export async function startInstance(opts: { port: number; dataDir: string; env?: Record<string, string> }): Promise<Instance> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    SWITCHYARD_DATA_DIR: opts.dataDir,
    EMBEDDED_PG_PORT: TEST_PG_PORT,
    NEXTAUTH_SECRET: "system-test-secret",
    NEXT_TELEMETRY_DISABLED: "1",
    ...opts.env,
  };
  // Each instance has its own database, as a second checkout would: never the caller's.
  delete env.DATABASE_URL;
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const instance: Instance = { port: opts.port, dataDir: opts.dataDir, proc, output: () => out, exited };
  const deadline = Date.now() + 180_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!/ready in [\d.]+ s/.test(out)) {
    if (gone || Date.now() > deadline) throw new Error(`instance on :${opts.port} did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return instance;
}

/** SIGTERM (or another signal) and the exit code. */
export async function stopInstance(i: Instance, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (i.proc.exitCode === null && i.proc.signalCode === null) i.proc.kill(signal);
  return i.exited;
}

/** The database `switchyard` of a data directory's embedded server. */
export function instanceDbUrl(dataDir: string): string {
  const port = recordedPort(dataDir);
  if (!port) throw new Error(`no PostgreSQL port recorded under ${dataDir}`);
  return embeddedUrl(port, "switchyard", dataDir);
}

/** Stops a data directory's PostgreSQL if it is still running (only ever that directory's), and removes the directory. */
export async function cleanUp(dataDir: string): Promise<void> {
  const port = recordedPort(dataDir);
  const running = port ? await serverDataDirectory(port, dataDir) : null;
  if (running && realpathSync(running) === realpathSync(path.join(dataDir, "postgres"))) {
    const pg = await startEmbeddedPostgres({ root: dataDir });
    await pg.stop();
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export function basicAuth(sid: string, token: string): string {
  return "Basic " + Buffer.from(`${sid}:${token}`).toString("base64");
}
