import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { config } from "@/lib/server/config";

/**
 * One Prisma client per process, kept on globalThis so Next's dev reloads do
 * not open a new pool each time, and created on first use so `next build` can
 * import server modules without a database. DATABASE_URL is set by
 * scripts/start.ts (embedded Postgres) or by the operator.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The database this process uses (set by scripts/start.ts or the operator). */
export function databaseUrl(): string {
  const url = config().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the console with `npm start`.");
  return url;
}

export function getDb(): PrismaClient {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  const url = databaseUrl();
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: config().DB_POOL_MAX }),
  });
  globalForPrisma.prisma = client;
  return client;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, prop) => {
    const client = getDb();
    const value: unknown = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
/** What a service function accepts: the client or an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
