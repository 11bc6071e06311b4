import { db, type Tx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

const withService = { service: { select: { sid: true, friendlyName: true } } } as const;

/** The account's short codes, newest first, each with its service (if any). */
export async function listShortCodes(accountSid: string, opts: { skip?: number; take?: number } = {}) {
  const where = { accountSid };
  const [items, total] = await Promise.all([
    db.shortCode.findMany({ where, include: withService, orderBy: [{ createdAt: "desc" }, { sid: "asc" }], skip: opts.skip, take: opts.take }),
    db.shortCode.count({ where }),
  ]);
  return { items, total };
}

/** One short code of the account; another account's is not found (20404). */
export async function getShortCode(accountSid: string, sid: string, tx: Tx = db) {
  const sc = await tx.shortCode.findFirst({ where: { sid, accountSid }, include: withService });
  if (!sc) throw notFound(`The requested resource /ShortCodes/${sid} was not found`);
  return sc;
}
