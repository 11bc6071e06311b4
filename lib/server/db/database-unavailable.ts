/** SQLSTATEs and socket errors that mean "the database is not there right now", not "the request is wrong". */
const UNAVAILABLE_CODES = new Set([
  "57P01", // admin_shutdown (the server is stopping)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "08000", "08001", "08003", "08004", "08006", // connection exceptions
  "53300", // too_many_connections
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN",
  "P1001", "P1002", "P1008", "P1017", "P2024", // Prisma: can't reach, timed out, closed the connection, pool timeout
]);

const UNAVAILABLE_MESSAGES = /Connection terminated|terminating connection|Server has closed the connection|the database system is (starting up|shutting down)|Client has encountered a connection error|Can't reach database server|connect ECONNREFUSED|Timed out fetching a new connection/i;

/**
 * True when an error (or one of its causes: Prisma's driver adapter wraps pg's)
 * says the database could not be reached or went away mid-request. The API
 * answers those 503 with Retry-After instead of 500 (docs/reliability.md).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; originalCode?: unknown };
    if (typeof o.code === "string" && UNAVAILABLE_CODES.has(o.code)) return true;
    if (typeof o.originalCode === "string" && UNAVAILABLE_CODES.has(o.originalCode)) return true;
    if (typeof o.message === "string" && UNAVAILABLE_MESSAGES.test(o.message)) return true;
    if (o.kind === "DatabaseNotReachable" || o.kind === "ConnectionClosed") return true;
    e = o.cause;
  }
  if (err instanceof AggregateError) return err.errors.some(isDatabaseUnavailable);
  return false;
}
