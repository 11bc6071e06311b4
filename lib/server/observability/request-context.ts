import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** The request a log line belongs to: set by the front server's hook, read by the logger's mixin. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** An incoming X-Request-Id is kept when it looks like an id (a load balancer's); anything else gets a fresh UUID. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}
