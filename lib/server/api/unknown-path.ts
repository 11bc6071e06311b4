import { notFound } from "@/lib/server/errors";
import { errorResult, toResponse } from "./respond";

/**
 * The answer for any path under /v1/ or /2010-04-01/ that no route serves:
 * Twilio's JSON error shape with 20404, for every method, so a Twilio client
 * reports an error code instead of failing to parse an HTML page. It needs no
 * credentials: it names nothing that exists.
 */
async function unknownPath(): Promise<Response> {
  return toResponse(errorResult(notFound("The requested resource was not found")));
}

export const unknownPathHandlers = {
  GET: unknownPath,
  POST: unknownPath,
  PUT: unknownPath,
  PATCH: unknownPath,
  DELETE: unknownPath,
  HEAD: unknownPath,
  OPTIONS: unknownPath,
};
