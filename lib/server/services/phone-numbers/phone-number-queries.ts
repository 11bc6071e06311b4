import { db, type Tx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

const withService = { service: { select: { sid: true, friendlyName: true } } } as const;

/** The account's numbers, newest first, each with the service it is in (if any). */
export async function listPhoneNumbers(accountSid: string, opts: { skip?: number; take?: number; phoneNumber?: string; numberType?: string } = {}) {
  const where = { accountSid, ...(opts.phoneNumber ? { phoneNumber: opts.phoneNumber } : {}), ...(opts.numberType ? { numberType: opts.numberType } : {}) };
  const [items, total] = await Promise.all([
    db.phoneNumber.findMany({ where, include: withService, orderBy: [{ createdAt: "desc" }, { sid: "asc" }], skip: opts.skip, take: opts.take }),
    db.phoneNumber.count({ where }),
  ]);
  return { items, total };
}

/** One number of the account; another account's number is not found (20404). */
export async function getPhoneNumber(accountSid: string, sid: string, tx: Tx = db) {
  const n = await tx.phoneNumber.findFirst({ where: { sid, accountSid }, include: withService });
  if (!n) throw notFound(`The requested resource /IncomingPhoneNumbers/${sid} was not found`);
  return n;
}
