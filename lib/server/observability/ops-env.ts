/**
 * The environment variables of health, metrics and logs, read in this one
 * place (docs/operations.md "Health and metrics", "Logs").
 */
const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

/** LOG_LEVEL: pino's level names; default info. An unknown name is refused at start, not silently ignored. */
export function logLevel(): LogLevel {
  const raw = (process.env.LOG_LEVEL ?? "info").toLowerCase();
  if (!(LEVELS as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")} (got "${raw}")`);
  return raw as LogLevel;
}

/** METRICS_PORT: where a worker-only process (`npm run worker`) serves /metrics, /healthz, /readyz; unset = none. */
export function metricsPort(): number | null {
  const raw = process.env.METRICS_PORT;
  if (!raw) return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`METRICS_PORT must be a port number (got "${raw}")`);
  return port;
}

/** METRICS_HOST: the address that listener binds (default 127.0.0.1: expose it deliberately). */
export function metricsHost(): string {
  return process.env.METRICS_HOST ?? "127.0.0.1";
}

/** METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>` (it is on the public port in the launcher). */
export function metricsToken(): string | null {
  return process.env.METRICS_TOKEN || null;
}
