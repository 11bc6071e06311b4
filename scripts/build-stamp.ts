import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * What the production build is made from (docs/operations.md "Starting and
 * stopping"): `npm start` rebuilds when any of these is newer than the
 * build's BUILD_ID. lib/generated is Prisma's output, regenerated on every
 * start from prisma/schema.prisma (which is listed instead).
 */
export const BUILD_SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set([path.join("lib", "generated"), "node_modules"]);

/** The newest modification time under `entry` (a file or a directory), with the file it belongs to. */
function newest(root: string, entry: string): { file: string; mtimeMs: number } | null {
  if (SKIP.has(entry)) return null;
  let st;
  try {
    st = statSync(path.join(root, entry));
  } catch {
    return null;
  }
  if (!st.isDirectory()) return { file: entry, mtimeMs: st.mtimeMs };
  let best: { file: string; mtimeMs: number } | null = null;
  for (const name of readdirSync(path.join(root, entry))) {
    const found = newest(root, path.join(entry, name));
    if (found && (!best || found.mtimeMs > best.mtimeMs)) best = found;
  }
  return best;
}

/** Why the build in `distDir` must be (re)made, or null when it is current. */
export function buildStaleReason(root: string, distDir: string): string | null {
  let built: number;
  try {
    built = statSync(path.join(root, distDir, "BUILD_ID")).mtimeMs;
  } catch {
    return `no production build in ${distDir}/`;
  }
  let best: { file: string; mtimeMs: number } | null = null;
  for (const entry of BUILD_SOURCES) {
    const found = newest(root, entry);
    if (found && (!best || found.mtimeMs > best.mtimeMs)) best = found;
  }
  return best && best.mtimeMs > built ? `${best.file} changed after the last build` : null;
}
