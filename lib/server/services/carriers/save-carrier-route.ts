import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
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
      return tx.carrierRoute.create({ data: { sid: newSid("CQ"), accountSid, prefix: input.prefix, carrierSids: input.carrierSids } });
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
      const { count } = await tx.carrierRoute.updateMany({ where: { sid, accountSid }, data: input });
      if (count === 0) throw routeNotFound(sid);
      return tx.carrierRoute.findUniqueOrThrow({ where: { sid } });
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.prefix !== undefined) throw prefixTaken(input.prefix);
    throw err;
  }
}

export async function deleteCarrierRoute(accountSid: string, sid: string): Promise<void> {
  const { count } = await db.carrierRoute.deleteMany({ where: { sid, accountSid } });
  if (count === 0) throw routeNotFound(sid);
}
