import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./start-process";

/** A bad value stops `npm start` before anything starts, with a message naming the variable (lib/server/config.ts). */
describe("start-up configuration", () => {
  it("refuses PORT=abc, naming the variable, and starts nothing", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: "abc", LOG_LEVEL: "loud", SWITCHYARD_DATA_DIR: "/nonexistent/never-created" };
    delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: repoRoot, env, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid configuration: PORT must be a port number (got "abc"); LOG_LEVEL must be one of');
    // Nothing was built or started: no build line, no database line.
    expect(r.stdout).not.toContain("Building");
    expect(r.stdout).not.toContain("Embedded PostgreSQL");
  });
});
