import { db } from "@/lib/server/db/client";
import { routeNotFound } from "./carrier-errors";

export async function getCarrierRoute(accountSid: string, sid: string) {
  const route = await db.carrierRoute.findFirst({ where: { sid, accountSid } });
  if (!route) throw routeNotFound(sid);
  return route;
}

/** The account's routes by prefix (the console lists them so; the longest prefix wins at send time). */
export async function listCarrierRoutes(accountSid: string, opts: { skip?: number; take?: number } = {}) {
  const where = { accountSid };
  const [items, total] = await Promise.all([
    db.carrierRoute.findMany({ where, orderBy: [{ prefix: "asc" }, { sid: "asc" }], skip: opts.skip, take: opts.take }),
    db.carrierRoute.count({ where }),
  ]);
  return { items, total };
}
