import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { createRequire } from "node:module";
import { buildStaleReason } from "./build-stamp";
import { withTsconfigRestored } from "./tsconfig-guard";

/** Next's own CLI, run with this Node (not through npx: one process less, and signals reach it directly). */
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * Builds the production console when the build is missing or older than its
 * sources, with Next's own progress output and a line saying why.
 */
export async function ensureProductionBuild(distDir: string): Promise<void> {
  const reason = buildStaleReason(process.cwd(), distDir);
  if (!reason) return;
  console.log(`Building the production console (${reason}); this takes a minute or two, once.`);
  const started = Date.now();
  const code = await buildNext(distDir, "inherit");
  if (code !== 0) throw new Error(`next build failed (exit code ${code}); the console cannot start without a build.`);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

/** `next build` into `distDir`, leaving the tracked tsconfig.json as it was; answers the exit code. */
export function buildNext(distDir: string, stdio: "inherit" | "ignore-stdout"): Promise<number | null> {
  const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  const io: StdioOptions = stdio === "inherit" ? "inherit" : ["ignore", "ignore", "inherit"];
  return withTsconfigRestored(process.cwd(), () => new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { stdio: io, env });
    child.on("error", reject);
    child.on("exit", resolve);
  }));
}

/**
 * `next start` (or `next dev`) on a loopback port, behind the front server. `ownGroup` (npm start):
 * in its own process group, because Ctrl-C in a terminal signals the whole foreground group and
 * Next must not stop before the front server has finished the requests in flight; the launcher
 * stops it (stopNext), and on any exit of its own. Not for the e2e server, whose process group
 * Playwright kills as a whole.
 */
export function spawnNext(opts: { dev: boolean; port: number; env: NodeJS.ProcessEnv; ownGroup?: boolean }): ChildProcess {
  const child = spawn(process.execPath, [nextBin, opts.dev ? "dev" : "start", "-p", String(opts.port), "-H", "localhost"], {
    stdio: "inherit",
    env: opts.env,
    detached: opts.ownGroup ?? false,
  });
  if (opts.ownGroup) process.once("exit", () => signalNext(child, "SIGTERM"));
  return child;
}

/** A signal to Next's process group (Next and any worker it started). */
function signalNext(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal); // not a group leader (spawned without ownGroup)
  }
}

/**
 * Resolves once Next answers HTTP on its port (any status below 500), so the
 * public port opens only when it can serve: nothing answers 5xx while starting.
 * Rejects when Next exits first or does not answer within `timeoutMs`.
 */
export async function waitForNext(port: number, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`Next exited while starting (exit code ${exited}).`);
    try {
      const res = await fetch(`http://localhost:${port}/login`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Next did not answer on localhost:${port} within ${timeoutMs / 1000} s.`);
}

/** SIGTERM to Next and wait for it to exit (SIGKILL after `timeoutMs`). */
export async function stopNext(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalNext(child, "SIGTERM");
  const timer = setTimeout(() => signalNext(child, "SIGKILL"), timeoutMs);
  await exited;
  clearTimeout(timer);
}
