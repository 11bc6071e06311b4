import { Logger, runMigrations, type LogFunctionFactory } from "graphile-worker";
import { log } from "@/lib/server/observability/logger";

/** graphile-worker's own log lines, at their level (its debug and info lines show at LOG_LEVEL=debug). */
const logFactory: LogFunctionFactory = (scope) => (level, message) => {
  const fields = { component: "queue", task: scope.taskIdentifier, jobId: scope.jobId };
  if (level === "error") log.error(fields, message);
  else if (level === "warning") log.warn(fields, message);
  else log.debug(fields, message);
};
export const queueLogger = new Logger(logFactory);

/**
 * Creates/upgrades the `graphile_worker` schema (the durable job queue).
 * graphile-worker versions its own schema, so this runs beside our Prisma
 * migrations, at every start of the console or a worker; it is idempotent
 * and takes graphile-worker's own migration lock.
 */
export async function migrateQueueSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: queueLogger });
}
