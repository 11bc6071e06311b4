import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildStaleReason } from "./build-stamp";

const dirs: string[] = [];
function checkout(): string {
  const root = mkdtempSync(path.join(tmpdir(), "build-stamp-"));
  dirs.push(root);
  mkdirSync(path.join(root, "app", "services"), { recursive: true });
  mkdirSync(path.join(root, "lib", "generated"), { recursive: true });
  writeFileSync(path.join(root, "app", "services", "page.tsx"), "export default 1");
  writeFileSync(path.join(root, "next.config.js"), "");
  return root;
}
const at = (root: string, file: string, seconds: number) => {
  const t = new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
  utimesSync(path.join(root, file), t, t);
};
function build(root: string, seconds: number) {
  mkdirSync(path.join(root, ".next"), { recursive: true });
  writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
  at(root, ".next/BUILD_ID", seconds);
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("buildStaleReason", () => {
  it("asks for a build when there is none", () => {
    expect(buildStaleReason(checkout(), ".next")).toBe("no production build in .next/");
  });

  it("is current when every source is older than the build", () => {
    const root = checkout();
    at(root, "app/services/page.tsx", 10);
    at(root, "next.config.js", 10);
    build(root, 20);
    expect(buildStaleReason(root, ".next")).toBeNull();
  });

  it("names the newest source changed after the build, deep in a directory", () => {
    const root = checkout();
    at(root, "next.config.js", 10);
    build(root, 20);
    at(root, "app/services/page.tsx", 30);
    expect(buildStaleReason(root, ".next")).toBe(`${path.join("app", "services", "page.tsx")} changed after the last build`);
  });

  it("ignores Prisma's generated client, rewritten on every start", () => {
    const root = checkout();
    at(root, "app/services/page.tsx", 10);
    at(root, "next.config.js", 10);
    build(root, 20);
    writeFileSync(path.join(root, "lib", "generated", "client.ts"), "");
    at(root, "lib/generated/client.ts", 40);
    expect(buildStaleReason(root, ".next")).toBeNull();
  });

  it("looks at the build in the dist directory it is given", () => {
    const root = checkout();
    at(root, "app/services/page.tsx", 10);
    at(root, "next.config.js", 10);
    build(root, 20);
    expect(buildStaleReason(root, ".next-other")).toBe("no production build in .next-other/");
  });
});
