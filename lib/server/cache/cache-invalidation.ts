import { config } from "@/lib/server/config";
import pg from "pg";
import { errFields, log } from "@/lib/server/observability/logger";

/**
 * Cross-process cache invalidation (docs/operations.md "Scale-out"). Each
 * process holds one LISTEN connection on CHANNEL; database triggers
 * (migration 20261203030000_cache_invalidation) NOTIFY `{kind, key}` in
 * the transaction that changes a cached row, so every process drops the
 * entry as soon as the change commits. The caches keep their short TTLs
 * as a second line. While the connection is down notifications are lost,
 * so every (re)connect drops every cache before relying on LISTEN again.
 */
export const CHANNEL = "switchyard_cache";

export type CacheKind = "pool" | "sender" | "credentials" | "sim_rules";

interface Subscription {
  /** One entry changed (key: the notification's key). */
  invalidate(key: string): void;
  /** Forget everything: changes may have been missed. */
  reset(): void;
}

interface ListenerState {
  subs: Map<CacheKind, Set<Subscription>>;
  client: pg.Client | null;
  connecting: boolean;
  stopped: boolean;
  retryMs: number;
  timer: NodeJS.Timeout | null;
  /** Resolves when LISTEN is in place (tests and the scale-out check wait on it). */
  ready: Promise<void>;
  markReady: () => void;
  received: number;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

const g = globalThis as unknown as { switchyardCacheListener?: ListenerState };

function state(): ListenerState {
  if (g.switchyardCacheListener) return g.switchyardCacheListener;
  let markReady = () => undefined as void;
  const ready = new Promise<void>((r) => (markReady = r));
  g.switchyardCacheListener = { subs: new Map(), client: null, connecting: false, stopped: false, retryMs: RETRY_MIN_MS, timer: null, ready, markReady, received: 0 };
  return g.switchyardCacheListener;
}

function resetAll(s: ListenerState) {
  for (const set of s.subs.values()) for (const sub of set) sub.reset();
}

function dispatch(s: ListenerState, payload: string | undefined) {
  s.received++;
  let msg: { kind?: string; key?: string };
  try {
    msg = JSON.parse(payload ?? "") as { kind?: string; key?: string };
  } catch {
    return;
  }
  if (typeof msg.key !== "string") return;
  for (const sub of s.subs.get(msg.kind as CacheKind) ?? []) sub.invalidate(msg.key);
}

function scheduleReconnect(s: ListenerState) {
  if (s.stopped || s.timer) return;
  const wait = s.retryMs;
  s.retryMs = Math.min(RETRY_MAX_MS, s.retryMs * 2);
  s.timer = setTimeout(() => {
    s.timer = null;
    void connect(s);
  }, wait);
  s.timer.unref();
}

async function connect(s: ListenerState): Promise<void> {
  const url = config().DATABASE_URL;
  if (s.stopped || s.connecting || s.client || !url) return;
  s.connecting = true;
  const client = new pg.Client({ connectionString: url, application_name: "switchyard cache listener" });
  let dropped = false;
  const drop = (err?: Error) => {
    if (dropped) return;
    dropped = true;
    if (s.client === client) s.client = null;
    if (!s.stopped) log.warn(err ? errFields(err) : {}, "cache invalidation listener lost its connection; reconnecting");
    client.end().catch(() => undefined);
    scheduleReconnect(s);
  };
  client.on("error", drop);
  client.on("end", () => drop());
  client.on("notification", (n) => {
    if (n.channel === CHANNEL) dispatch(s, n.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // The listener must not keep a process alive that has nothing else to do (scripts, tests).
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    if (s.stopped) {
      await client.end();
      return;
    }
    s.client = client;
    s.retryMs = RETRY_MIN_MS;
    // Anything cached before LISTEN was in place (or while it was down) may be stale.
    resetAll(s);
    s.markReady();
  } catch (err) {
    drop(err as Error);
  } finally {
    s.connecting = false;
  }
}

/**
 * Registers a cache for invalidation of `kind` and starts this process's
 * listener if it is not running (on first use: Next, the launcher and
 * worker processes each get one as soon as a cache is used). Without
 * DATABASE_URL (next build) nothing is started.
 */
export function subscribeCache(kind: CacheKind, sub: Subscription): void {
  const s = state();
  let set = s.subs.get(kind);
  if (!set) s.subs.set(kind, (set = new Set()));
  set.add(sub);
  void connect(s);
}

/** Resolves once this process's LISTEN is in place. */
export function cacheListenerReady(): Promise<void> {
  const s = state();
  void connect(s);
  return s.ready;
}

/** Notifications received by this process (tests). */
export function notificationsReceived(): number {
  return state().received;
}

/** Closes the listener (tests; a process exiting needs nothing: the connection is unref'd). */
export async function stopCacheListener(): Promise<void> {
  const s = g.switchyardCacheListener;
  if (!s) return;
  s.stopped = true;
  if (s.timer) clearTimeout(s.timer);
  const client = s.client;
  s.client = null;
  await client?.end().catch(() => undefined);
  delete g.switchyardCacheListener;
}
