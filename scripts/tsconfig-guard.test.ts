import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withTsconfigRestored } from "./tsconfig-guard";

describe("withTsconfigRestored", () => {
  const original = '{\n  "include": ["**/*.ts"]\n}\n';
  function root() {
    const dir = mkdtempSync(path.join(tmpdir(), "tsconfig-guard-"));
    writeFileSync(path.join(dir, "tsconfig.json"), original);
    return dir;
  }

  it("puts back a tsconfig.json the build rewrote", async () => {
    const dir = root();
    const out = await withTsconfigRestored(dir, async () => {
      writeFileSync(path.join(dir, "tsconfig.json"), '{ "include": ["**/*.ts", ".next-pipe/types/**/*.ts"] }');
      return 7;
    });
    expect(out).toBe(7);
    expect(readFileSync(path.join(dir, "tsconfig.json"), "utf8")).toBe(original);
  });

  it("puts it back when the build fails too", async () => {
    const dir = root();
    const failing = withTsconfigRestored(dir, async () => {
      writeFileSync(path.join(dir, "tsconfig.json"), "{}");
      throw new Error("build failed");
    });
    await expect(failing).rejects.toThrow("build failed");
    expect(readFileSync(path.join(dir, "tsconfig.json"), "utf8")).toBe(original);
  });
});
