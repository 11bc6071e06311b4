import { Logger, runMigrations, type LogFunctionFactory } from "graphile-worker";
import { config } from "@/lib/server/config";

/** graphile-worker's own log lines: warnings and errors only unless PIPELINE_DEBUG is set. */
const logFactory: LogFunctionFactory = () => (level, message) => {
  if (config().PIPELINE_DEBUG || level === "error" || level === "warning") console.log(`[queue ${level}] ${message}`);
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
