import { AppError } from "@/lib/server/errors";

/**
 * Error codes of the carrier resources (an extension: Twilio has none). They
 * follow Twilio's 21xxx "invalid parameter" style; docs/carriers.md has the
 * table. A carrier or route SID that is not the caller's is 20404 for the
 * resource itself, and CARRIER_SID_INVALID where another resource names it.
 */
export const CARRIER_ERRORS = {
  missingParameter: 21800,
  invalidParameter: 21801,
  carrierSidInvalid: 21802,
  prefixTaken: 21803,
} as const;

export const carrierNotFound = (sid: string) => new AppError(20404, `The requested resource /Carriers/${sid} was not found`, 404);
export const routeNotFound = (sid: string) => new AppError(20404, `The requested resource /CarrierRoutes/${sid} was not found`, 404);

/** A CarrierSid (on a route or a sender) that is not one of the account's carriers. */
export const invalidCarrierSid = (sid: string, field: string) =>
  new AppError(CARRIER_ERRORS.carrierSidInvalid, `Invalid parameter CarrierSid: ${sid} is not a carrier of this account`, 400, field);
