import pino from "pino";
import { logLevel } from "./ops-env";
import { requestContext } from "./request-context";

/**
 * Paths pino blanks out whatever the level: credentials and message
 * content. Bodies are also never passed to the logger at info; this is the
 * net under that rule (docs/operations.md "Logs").
 */
export const REDACT_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  "req.headers.cookie",
  "password",
  "*.password",
  "token",
  "*.token",
  "authToken",
  "*.authToken",
  "secret",
  "*.secret",
  "apiKeySecret",
  "*.apiKeySecret",
  "body",
  "*.body",
  "Body",
  "*.Body",
];

/** A pino logger writing JSON lines to `destination` (stdout by default) at LOG_LEVEL. */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level: logLevel(),
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Every line logged while serving a request carries its id (the X-Request-Id answered to the client).
      mixin: () => {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId } : {};
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const globalForLog = globalThis as unknown as { switchyardLogger?: pino.Logger; switchyardLogTaps?: Set<(line: string) => void> };
const taps = (globalForLog.switchyardLogTaps ??= new Set());

/** Stdout (synchronous writes: a line logged just before process.exit is not lost), plus any taps. */
function stdoutWithTaps(): pino.DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: true });
  return {
    write(line: string) {
      for (const tap of taps) tap(line);
      stdout.write(line);
    },
  };
}

/** The process's logger (one per process, kept across Next's dev reloads). */
export const log: pino.Logger = (globalForLog.switchyardLogger ??= createLogger(stdoutWithTaps()));

/** Sees every line the process's logger writes (tests scan them for secrets); returns the function that removes the tap. */
export function tapLogs(fn: (line: string) => void): () => void {
  taps.add(fn);
  return () => taps.delete(fn);
}

/** Errors as log fields: message, code and stack (pino's err serializer), never the object's other own fields. */
export function errFields(err: unknown): { err: { message: string; code?: string; stack?: string } } {
  if (err instanceof Error) return { err: { message: err.message, code: (err as NodeJS.ErrnoException).code, stack: err.stack } };
  return { err: { message: String(err) } };
}
