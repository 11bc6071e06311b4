import { db, type Tx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/** Tenant scoping lives in the where clause: another account's service is simply not found. */
export async function getService(accountSid: string, sid: string, tx: Tx = db) {
  const service = await tx.service.findFirst({ where: { sid, accountSid } });
  if (!service) throw notFound(`The requested resource /Services/${sid} was not found`);
  return service;
}

export async function listServices(accountSid: string, opts: { skip?: number; take?: number } = {}) {
  const [items, total] = await Promise.all([
    db.service.findMany({
      where: { accountSid },
      orderBy: [{ createdAt: "desc" }, { sid: "asc" }],
      skip: opts.skip,
      take: opts.take,
    }),
    db.service.count({ where: { accountSid } }),
  ]);
  return { items, total };
}

/** Pool sizes per service for the list page, one grouped query per sender table. */
export async function poolSizes(accountSid: string, serviceSids: string[]) {
  const where = { accountSid, serviceSid: { in: serviceSids } };
  const [pn, sc, ai, xe] = await Promise.all([
    db.phoneNumber.groupBy({ by: ["serviceSid"], where, _count: true }),
    db.shortCode.groupBy({ by: ["serviceSid"], where, _count: true }),
    db.alphaSender.groupBy({ by: ["serviceSid"], where, _count: true }),
    db.channelSender.groupBy({ by: ["serviceSid"], where, _count: true }),
  ]);
  const sizes = new Map<string, number>();
  for (const row of [...pn, ...sc, ...ai, ...xe]) {
    if (row.serviceSid) sizes.set(row.serviceSid, (sizes.get(row.serviceSid) ?? 0) + row._count);
  }
  return sizes;
}
