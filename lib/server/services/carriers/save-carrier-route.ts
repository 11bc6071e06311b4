import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { CARRIER_ERRORS, routeNotFound } from "./carrier-errors";
import { lockAccountCarriers } from "./carrier-locks";
import type { CreateCarrierRouteInput, UpdateCarrierRouteInput } from "./carrier-route-schema";

const prefixTaken = (prefix: string) =>
  new AppError(CARRIER_ERRORS.prefixTaken, `Invalid parameter Prefix: a route for ${prefix} already exists; update it instead`, 400, "prefix");

/** A prefix route; every carrier must be the account's (checked and share-locked in the same transaction). */
export async function createCarrierRoute(accountSid: string, input: CreateCarrierRouteInput) {
  try {
    return await db.$transaction(async (tx) => {
      await lockAccountCarriers(tx, accountSid, input.carrierSids, "carrierSids");
      const route = await tx.carrierRoute.create({ data: { sid: newSid("CQ"), accountSid, prefix: input.prefix, carrierSids: input.carrierSids } });
      await recordAudit(tx, { accountSid, action: "carrier_route.create", resource: { type: "carrier_route", sid: route.sid }, after: route });
      return route;
    });
  } catch (err) {
    // The (account, prefix) unique index decides, also between two concurrent creates.
    if (isUniqueViolation(err)) throw prefixTaken(input.prefix);
    throw err;
  }
}

export async function updateCarrierRoute(accountSid: string, sid: string, input: UpdateCarrierRouteInput) {
  try {
    return await db.$transaction(async (tx) => {
      if (input.carrierSids) await lockAccountCarriers(tx, accountSid, input.carrierSids, "carrierSids");
      if (!(await lockAuditedRow(tx, "carrierRoute", sid, accountSid))) throw routeNotFound(sid);
      const before = await tx.carrierRoute.findUniqueOrThrow({ where: { sid } });
      const after = await tx.carrierRoute.update({ where: { sid }, data: input });
      await recordAudit(tx, { accountSid, action: "carrier_route.update", resource: { type: "carrier_route", sid }, before, after });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.prefix !== undefined) throw prefixTaken(input.prefix);
    throw err;
  }
}

export async function deleteCarrierRoute(accountSid: string, sid: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "carrierRoute", sid, accountSid))) throw routeNotFound(sid);
    const before = await tx.carrierRoute.delete({ where: { sid } });
    await recordAudit(tx, { accountSid, action: "carrier_route.delete", resource: { type: "carrier_route", sid }, before });
  });
}
