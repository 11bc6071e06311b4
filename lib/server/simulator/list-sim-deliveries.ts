import { db } from "@/lib/server/db/client";

/** What the simulated carrier received for an account, oldest first (tests check spacing from this). */
export async function listSimDeliveries(accountSid: string, filter: { to?: string; from?: string; limit?: number } = {}) {
  return db.simDelivery.findMany({
    where: { accountSid, ...(filter.to ? { to: filter.to } : {}), ...(filter.from ? { from: filter.from } : {}) },
    orderBy: [{ receivedAt: "asc" }, { messageSid: "asc" }],
    take: Math.min(filter.limit ?? 1000, 10_000),
  });
}
