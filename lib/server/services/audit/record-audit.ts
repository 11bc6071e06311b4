// Not marked "server-only": the services that call this also run in the worker and
// the front server (plain Node, where that package throws on import).
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction, AuditResourceType } from "@/lib/core/audit/audit-actions";
import { auditDiff } from "@/lib/core/audit/audit-diff";
import { currentAuditContext } from "@/lib/server/audit-context";
import type { Tx } from "@/lib/server/db/client";
import { requestContext } from "@/lib/server/observability/request-context";

export interface AuditChange {
  accountSid: string;
  action: AuditAction;
  /** The resource changed; serviceSid names the service it belongs to (pool, opt-out, campaign), for the filter and the link. */
  resource: { type: AuditResourceType; sid: string; serviceSid?: string | null };
  /** The row (or the fields) before the change; null or absent for a creation. */
  before?: unknown;
  /** The row (or the fields) after the change; null or absent for a deletion. */
  after?: unknown;
  /** Fields left out of the diff (derived or bookkeeping columns). */
  ignore?: readonly string[];
}

const json = (v: Prisma.InputJsonValue | null) => (v === null ? Prisma.DbNull : v);

/**
 * Records one change in the audit log, on the caller's transaction: the event
 * commits with the change or not at all (docs/audit.md). Who acted comes from
 * the request's audit context (runAction, or the REST credentials check);
 * without one (jobs, seeding) the actor is "system". Only the changed fields
 * are stored, secrets redacted; an update that changed nothing records nothing.
 */
export async function recordAudit(tx: Tx, change: AuditChange): Promise<void> {
  // The resource's SID is in its own column.
  const diff = auditDiff(change.before ?? null, change.after ?? null, ["sid", ...(change.ignore ?? [])]);
  if (!diff.changed) return;
  const ctx = currentAuditContext();
  const actor = ctx?.actor;
  await tx.auditEvent.create({
    data: {
      accountSid: change.accountSid,
      actorType: actor?.type ?? "system",
      actorId: actor?.id ?? null,
      actorLabel: actor?.label ?? "system",
      source: actor ? (ctx?.source ?? "system") : "system",
      action: change.action,
      resourceType: change.resource.type,
      resourceSid: change.resource.sid,
      serviceSid: change.resource.serviceSid ?? null,
      before: json(diff.before),
      after: json(diff.after),
      requestId: requestContext.getStore()?.requestId ?? null,
    },
  });
}
