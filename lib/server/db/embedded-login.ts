import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * The embedded PostgreSQL's login (docs/security.md "The embedded database's
 * login"): one role, `switchyard`, whose password is random per data
 * directory and kept beside the cluster in `<data dir>/postgres.password`
 * (mode 0600; the data directory is not in git). Clusters created before
 * that used the fixed password `switchyard`; they are upgraded on their next
 * start, and the fixed password is refused afterwards.
 */
export const EMBEDDED_USER = "switchyard";
/** The fixed password of clusters created before per-directory passwords: used only to upgrade one. */
export const LEGACY_PASSWORD = "switchyard";

const passwordFile = (root: string) => path.join(root, "postgres.password");
/** Written before `ALTER ROLE`, renamed to `postgres.password` after: a crash in between still leaves the password findable. */
const pendingFile = (root: string) => path.join(root, "postgres.password.next");

/** 32 random bytes, base64url: safe to quote inside an SQL literal and a URL as they are. */
export function newPassword(): string {
  return randomBytes(32).toString("base64url");
}

function readTrimmed(file: string): string | undefined {
  try {
    const v = readFileSync(file, "utf8").trim();
    return v === "" ? undefined : v;
  } catch {
    return undefined;
  }
}

/** This data directory's recorded password; undefined for a directory without one (new, or created before passwords were per directory). */
export function recordedPassword(root: string): string | undefined {
  return readTrimmed(passwordFile(root));
}

/** The passwords that may open this directory's cluster, most likely first. */
export function candidatePasswords(root: string): string[] {
  const recorded = recordedPassword(root);
  if (recorded) return [recorded];
  const pending = readTrimmed(pendingFile(root));
  return pending ? [pending, LEGACY_PASSWORD] : [LEGACY_PASSWORD];
}

/** Writes `file` with mode 0600 through a temporary name, so no reader ever sees half a password. */
function writeSecret(file: string, value: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, value + "\n", { mode: 0o600 });
  renameSync(tmp, file);
}

/** Records the password a new cluster was created with (called once initdb has succeeded). */
export function recordPassword(root: string, password: string): void {
  writeSecret(passwordFile(root), password);
  rmSync(pendingFile(root), { force: true });
}

export function loginUrl(port: number, database: string, password: string): string {
  return `postgresql://${EMBEDDED_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * pg_hba.conf for the embedded cluster: every connection, TCP or socket, must
 * give the password (SCRAM, so it never crosses the wire in clear). A `trust`
 * line would let any local user in without one.
 */
export const HBA = [
  "# Written by Switchyard (lib/server/db/embedded-login.ts): every connection must give the password.",
  "local   all             all                                     scram-sha-256",
  "host    all             all             127.0.0.1/32            scram-sha-256",
  "host    all             all             ::1/128                 scram-sha-256",
  "local   replication     all                                     scram-sha-256",
  "host    replication     all             127.0.0.1/32            scram-sha-256",
  "host    replication     all             ::1/128                 scram-sha-256",
  "",
].join("\n");

/** Rewrites the cluster's pg_hba.conf when it is not ours (e.g. `trust`, or an old cluster's clear-text `password`); true when it changed. */
export function ensureHba(dataDir: string): boolean {
  const file = path.join(dataDir, "pg_hba.conf");
  if (!existsSync(file) || readFileSync(file, "utf8") === HBA) return false;
  // Overwriting in place keeps the file's owner (the `postgres` user when we run as root) and mode.
  writeFileSync(file, HBA);
  return true;
}

/** Any advisory-lock key, the same in every process: serialises upgrades of one cluster. */
const UPGRADE_LOCK = 0x5377_4c67;

/**
 * Gives a cluster still on the fixed (or a half-recorded) password a new
 * random one: connects with the password that works, `ALTER ROLE`, records
 * it. Two processes upgrading at once are serialised by an advisory lock; the
 * second finds the first one's password recorded and keeps it. Returns the
 * password now in force.
 */
export async function upgradeLogin(port: number, root: string, working: string): Promise<string> {
  const client = new pg.Client({ connectionString: loginUrl(port, "postgres", working), connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [UPGRADE_LOCK]);
    const recorded = recordedPassword(root);
    if (recorded && recorded !== working) return recorded;
    const next = newPassword();
    writeSecret(pendingFile(root), next);
    await client.query("SET password_encryption = 'scram-sha-256'");
    // ALTER ROLE takes no bind parameters; the password is base64url (newPassword), so it needs no escaping.
    await client.query(`ALTER ROLE "${EMBEDDED_USER}" PASSWORD '${next}'`);
    recordPassword(root, next);
    return next;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [UPGRADE_LOCK]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** Asks a running cluster to re-read pg_hba.conf. */
export async function reloadConfig(port: number, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: loginUrl(port, "postgres", password), connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_reload_conf()");
  } finally {
    await client.end().catch(() => undefined);
  }
}
