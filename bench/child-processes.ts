import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { buildNext } from "../scripts/next-process";

/** Every process a benchmark started (servers, workers, builds), so it can stop them all. */
export const children: ChildProcess[] = [];

export function run(cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  // Own process group: npx -> next/tsx -> node; stopping the group stops the whole tree.
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  children.push(child);
  return child;
}

export function stopChildren(signal: NodeJS.Signals = "SIGTERM") {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, signal);
    } catch {
      // already gone
    }
  }
}

export async function waitHttp(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      // The front server answers 503 until Next behind it is ready.
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never answered`);
}

/** A production build in `distDir`, made once (benchmarks run `next start` on it). */
export async function buildIfMissing(distDir: string) {
  if (existsSync(`${distDir}/BUILD_ID`)) return;
  console.log(`building into ${distDir} ...`);
  if ((await buildNext(distDir, "ignore-stdout")) !== 0) throw new Error("build failed");
}
