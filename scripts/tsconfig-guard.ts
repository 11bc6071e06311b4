import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Runs `work` (a `next build`) and puts the tracked tsconfig.json back as it
 * was. Next adds `<distDir>/types/**` to the tsconfig's include list for any
 * build directory it has not seen; for side builds (benchmarks build into
 * `.next-pipe`, `.next-logs`) that edit is noise in `git status` that no one
 * made (docs/operations.md "Side builds").
 */
export async function withTsconfigRestored<T>(root: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(root, "tsconfig.json");
  const before = readFileSync(file, "utf8");
  try {
    return await work();
  } finally {
    if (readFileSync(file, "utf8") !== before) writeFileSync(file, before);
  }
}
