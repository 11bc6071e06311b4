import "server-only";
import { db } from "@/lib/server/db/client";

/** A service as pickers and breadcrumbs show it. */
export interface ServiceName {
  sid: string;
  friendlyName: string;
}

/** The account's services by name, for the filter and picker lists of the console. */
export async function listServiceNames(accountSid: string): Promise<ServiceName[]> {
  return db.service.findMany({ where: { accountSid }, select: { sid: true, friendlyName: true }, orderBy: { friendlyName: "asc" } });
}

/** The account's services that use no link shortening domain yet (a domain's "add a service" list). */
export async function listServiceNamesWithoutLinkDomain(accountSid: string): Promise<ServiceName[]> {
  return db.service.findMany({ where: { accountSid, linkDomain: null }, orderBy: { friendlyName: "asc" }, select: { sid: true, friendlyName: true } });
}

/** One service of the account by name, or null (another account's service is null too). */
export async function findServiceName(accountSid: string, sid: string): Promise<ServiceName | null> {
  return db.service.findFirst({ where: { sid, accountSid }, select: { sid: true, friendlyName: true } });
}

/** The account's services for Send Test: the name, and whether Smart Encoding is on (the live encoding preview). */
export async function listSendTestServices(accountSid: string): Promise<(ServiceName & { smartEncoding: boolean })[]> {
  return db.service.findMany({ where: { accountSid }, select: { sid: true, friendlyName: true, smartEncoding: true }, orderBy: { friendlyName: "asc" } });
}
