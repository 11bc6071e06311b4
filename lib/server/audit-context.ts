import { AsyncLocalStorage } from "node:async_hooks";
import type { AuditActorType, AuditSource } from "@/lib/core/audit/audit-actions";

/** Who is making the change: a console user, or an API credential. */
export interface AuditActor {
  type: AuditActorType;
  /** The user's id, or the SK… / AC… SID of the credential. */
  id: string;
  /** What the log shows: the user's email, or the credential SID. */
  label: string;
}

export interface AuditContext {
  source: AuditSource;
  /** Set once the request is authenticated (the REST handlers authenticate inside the context). */
  actor?: AuditActor;
}

/**
 * The actor of the request being served, set once at the two entry points
 * (runAction for the console, the REST credentials check for the API) so the
 * services record who acted without every signature carrying it
 * (docs/audit.md "Who acted"). Kept on globalThis: Next may bundle this module
 * more than once, and every copy must read the one store.
 */
const globalForAudit = globalThis as unknown as { switchyardAuditContext?: AsyncLocalStorage<AuditContext> };
const storage = (globalForAudit.switchyardAuditContext ??= new AsyncLocalStorage<AuditContext>());

export function runWithAuditContext<T>(ctx: AuditContext, fn: () => Promise<T>): Promise<T> {
  return storage.run(ctx, fn);
}

export function currentAuditContext(): AuditContext | undefined {
  return storage.getStore();
}

/** The console's actor: the signed-in user. */
export function consoleActor(viewer: { userId: string; email: string }): AuditActor {
  return { type: "user", id: viewer.userId, label: viewer.email };
}

/**
 * Records the authenticated API credential on the request's context (opened
 * by apiHandler); outside one (the front server's send path, tests calling
 * authenticate alone) there is nothing to record on.
 */
export function setApiActor(principal: { accountSid: string; keySid?: string }): void {
  const ctx = storage.getStore();
  if (!ctx || ctx.source !== "api") return;
  ctx.actor = principal.keySid
    ? { type: "api_key", id: principal.keySid, label: principal.keySid }
    : { type: "account_token", id: principal.accountSid, label: principal.accountSid };
}
