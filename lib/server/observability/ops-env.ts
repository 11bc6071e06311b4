import { config } from "@/lib/server/config";

/**
 * The settings of health, metrics and logs (docs/operations.md "Health and
 * metrics", "Logs"), from the one validated configuration.
 */
export type LogLevel = ReturnType<typeof config>["LOG_LEVEL"];

/** LOG_LEVEL: pino's level names; default info. */
export function logLevel(): LogLevel {
  return config().LOG_LEVEL;
}

/** METRICS_PORT: where a worker-only process (`npm run worker`) serves /metrics, /healthz, /readyz; unset = none. */
export function metricsPort(): number | null {
  return config().METRICS_PORT ?? null;
}

/** METRICS_HOST: the address that listener binds (default 127.0.0.1: expose it deliberately). */
export function metricsHost(): string {
  return config().METRICS_HOST;
}

/** METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>` (it is on the public port in the launcher). */
export function metricsToken(): string | null {
  return config().METRICS_TOKEN || null;
}
