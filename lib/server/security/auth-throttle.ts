import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

/**
 * Throttling of failed sign-ins and API credentials (docs/security.md
 * "Throttling"), in Postgres so every process sees the same counts. Each
 * key ("email:…", "ip:…", "account:…") counts failures in a 15-minute
 * window; from its threshold on, every further failure locks the key for
 * 2^(failures - threshold) seconds, up to 15 minutes. A locked key is
 * refused before the credentials are even looked at, so a correct guess
 * during a lockout does not get in either.
 */
export const WINDOW_SECONDS = 15 * 60;
export const MAX_LOCK_SECONDS = 15 * 60;

export const THRESHOLDS = {
  /** Console sign-in, per email address. */
  email: 5,
  /** REST API, per Account SID or API Key SID in the Basic username. */
  account: 20,
  /** Per client address, sign-in and API together (many users may share one NAT). */
  ip: 50,
} as const;

export type ThrottleKind = keyof typeof THRESHOLDS;

export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(20429, "Too Many Requests", 429);
  }
}

export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value.toLowerCase()}`;

/** Seconds until every key given is unlocked (0: none locked). */
export async function lockedForSeconds(keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db.$queryRaw<{ wait: number | null }[]>`
    SELECT ceil(extract(epoch FROM max(locked_until) - LOCALTIMESTAMP))::int AS wait
    FROM auth_throttle WHERE key = ANY(${keys}::text[]) AND locked_until > LOCALTIMESTAMP`;
  return Math.max(0, rows[0]?.wait ?? 0);
}

/** Throws TooManyAttempts while any of the keys is locked. */
export async function assertNotLocked(keys: string[]): Promise<void> {
  const wait = await lockedForSeconds(keys);
  if (wait > 0) throw new TooManyAttempts(wait);
}

/** Counts one failure against each key (one statement per key, each atomic on its row). */
export async function recordFailure(keys: { key: string; threshold: number }[]): Promise<void> {
  for (const { key, threshold } of keys) {
    await db.$executeRaw`
      INSERT INTO auth_throttle AS t (key, failures, window_start, locked_until)
      VALUES (${key}, 1, LOCALTIMESTAMP, CASE WHEN ${threshold}::int <= 1 THEN LOCALTIMESTAMP + interval '1 second' END)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_start < LOCALTIMESTAMP - make_interval(secs => ${WINDOW_SECONDS}) THEN 1 ELSE t.failures + 1 END,
        window_start = CASE WHEN t.window_start < LOCALTIMESTAMP - make_interval(secs => ${WINDOW_SECONDS}) THEN LOCALTIMESTAMP ELSE t.window_start END,
        locked_until = CASE
          WHEN (CASE WHEN t.window_start < LOCALTIMESTAMP - make_interval(secs => ${WINDOW_SECONDS}) THEN 1 ELSE t.failures + 1 END) >= ${threshold}::int
          THEN LOCALTIMESTAMP + make_interval(secs => least(power(2, (CASE WHEN t.window_start < LOCALTIMESTAMP - make_interval(secs => ${WINDOW_SECONDS}) THEN 1 ELSE t.failures + 1 END) - ${threshold}::int), ${MAX_LOCK_SECONDS}))
          ELSE t.locked_until END`;
  }
}

/** A success forgets the key's failures (the address's count stays: one good login must not reset a spray). */
export async function clearFailures(key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM auth_throttle WHERE key = ${key}`;
}

/**
 * The client's address as the front server saw it (it overwrites
 * x-switchyard-client-ip on every request, so a client cannot choose it).
 */
export function clientIp(get: (name: string) => string | null | undefined): string {
  const v = get("x-switchyard-client-ip");
  return v && v.length <= 64 ? v : "unknown";
}
