import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { getService } from "@/lib/server/services/messaging-services/service-queries";

interface Page {
  skip?: number;
  take?: number;
}
const order = [{ addedToServiceAt: "asc" as const }, { sid: "asc" as const }];

/** The whole pool of a service (console page), every type, oldest first. 20404 for another account's service. */
export async function listPool(accountSid: string, serviceSid: string) {
  await getService(accountSid, serviceSid);
  const where = { accountSid, serviceSid };
  const [phoneNumbers, shortCodes, alphaSenders, channelSenders] = await Promise.all([
    db.phoneNumber.findMany({ where, orderBy: order }),
    db.shortCode.findMany({ where, orderBy: order }),
    db.alphaSender.findMany({ where, orderBy: [{ createdAt: "asc" }, { sid: "asc" }] }),
    db.channelSender.findMany({ where, orderBy: order }),
  ]);
  const total = phoneNumbers.length + shortCodes.length + alphaSenders.length + channelSenders.length;
  return { phoneNumbers, shortCodes, alphaSenders, channelSenders, total };
}

/** v1 Services/{sid}/PhoneNumbers list. */
export async function listServicePhoneNumbers(accountSid: string, serviceSid: string, page: Page = {}) {
  await getService(accountSid, serviceSid);
  const where = { accountSid, serviceSid };
  const [items, total] = await Promise.all([db.phoneNumber.findMany({ where, orderBy: order, ...page }), db.phoneNumber.count({ where })]);
  return { items, total };
}

/** v1 Services/{sid}/ShortCodes list. */
export async function listServiceShortCodes(accountSid: string, serviceSid: string, page: Page = {}) {
  await getService(accountSid, serviceSid);
  const where = { accountSid, serviceSid };
  const [items, total] = await Promise.all([db.shortCode.findMany({ where, orderBy: order, ...page }), db.shortCode.count({ where })]);
  return { items, total };
}

/**
 * v1 AlphaSenders (isoCountryCode "" = the default only) and
 * DestinationAlphaSenders (undefined = all, or one country) lists.
 */
export async function listServiceAlphaSenders(accountSid: string, serviceSid: string, opts: Page & { isoCountryCode?: string } = {}) {
  await getService(accountSid, serviceSid);
  const { isoCountryCode, ...page } = opts;
  const where = { accountSid, serviceSid, ...(isoCountryCode !== undefined ? { isoCountryCode: isoCountryCode.toUpperCase() } : {}) };
  const [items, total] = await Promise.all([
    db.alphaSender.findMany({ where, orderBy: [{ createdAt: "asc" }, { sid: "asc" }], ...page }),
    db.alphaSender.count({ where }),
  ]);
  return { items, total };
}

/** v1 Services/{sid}/ChannelSenders list. */
export async function listServiceChannelSenders(accountSid: string, serviceSid: string, page: Page = {}) {
  await getService(accountSid, serviceSid);
  const where = { accountSid, serviceSid };
  const [items, total] = await Promise.all([db.channelSender.findMany({ where, orderBy: order, ...page }), db.channelSender.count({ where })]);
  return { items, total };
}

/** v1 instance fetch of any pool member by SID prefix; 20404 unless it is in this service of this account. */
export async function getPoolSender(accountSid: string, serviceSid: string, sid: string) {
  const where = { sid, accountSid, serviceSid };
  const found =
    sid.startsWith("PN") ? await db.phoneNumber.findFirst({ where }).then((r) => r && ({ kind: "phone_number", record: r }) as const)
    : sid.startsWith("SC") ? await db.shortCode.findFirst({ where }).then((r) => r && ({ kind: "short_code", record: r }) as const)
    : sid.startsWith("AI") ? await db.alphaSender.findFirst({ where }).then((r) => r && ({ kind: "alpha", record: r }) as const)
    : sid.startsWith("XE") ? await db.channelSender.findFirst({ where }).then((r) => r && ({ kind: "channel", record: r }) as const)
    : null;
  if (!found) throw notFound(`The requested resource /Services/${serviceSid}/Senders/${sid} was not found`);
  return found;
}

/** Sticky mappings of a service, most recently used first (read-only in the console). */
export async function listStickyMappings(accountSid: string, serviceSid: string, opts: Page = {}) {
  await getService(accountSid, serviceSid);
  const where = { serviceSid };
  const [items, total] = await Promise.all([
    db.stickyMapping.findMany({ where, orderBy: [{ updatedAt: "desc" }, { recipient: "asc" }], skip: opts.skip, take: opts.take ?? 100 }),
    db.stickyMapping.count({ where }),
  ]);
  return { items, total };
}

/** The account's WhatsApp/RCS senders (inventory), each with its service. */
export async function listChannelSenders(accountSid: string) {
  return db.channelSender.findMany({
    where: { accountSid },
    include: { service: { select: { sid: true, friendlyName: true } } },
    orderBy: [{ createdAt: "desc" }, { sid: "asc" }],
  });
}
