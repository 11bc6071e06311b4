/**
 * The audit log's vocabulary (docs/audit.md): what an event's action,
 * source, actor and resource may be, and where a resource lives in the
 * console. Pure, so the log page's filters and links use the same names the
 * services record.
 */

export const AUDIT_SOURCES = ["console", "api", "system"] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/** user: a console user (id + email); api_key: an SK… key; account_token: the account's own auth token; system: no request (jobs, seeding). */
export const AUDIT_ACTOR_TYPES = ["user", "api_key", "account_token", "system"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/**
 * Every action recorded, `<resource>.<verb>`. A new kind of change adds its
 * name here (the filter lists these) and calls recordAudit with it.
 */
export const AUDIT_ACTIONS = [
  "service.create",
  "service.update",
  "service.delete",
  "sender_pool.add",
  "sender_pool.remove",
  "phone_number.buy",
  "phone_number.update",
  "phone_number.release",
  "short_code.create",
  "short_code.update",
  "short_code.delete",
  "alpha_sender.update",
  "opt_out_settings.update",
  "opt_out.add",
  "opt_out.remove",
  "link_domain.create",
  "link_domain.update",
  "link_domain.delete",
  "link_domain.add_service",
  "link_domain.remove_service",
  "link_domain.upload_certificate",
  "link_domain.delete_certificate",
  "carrier.create",
  "carrier.update",
  "carrier.delete",
  "carrier_route.create",
  "carrier_route.update",
  "carrier_route.delete",
  "api_key.create",
  "api_key.update",
  "api_key.delete",
  "account.update_retention",
  "a2p_brand.create",
  "a2p_campaign.create",
  "a2p_campaign.update",
  "a2p_campaign.delete",
  // Team features (docs/team.md): users, invites, roles, auth token rotation.
  "user.invite",
  "user.revoke_invite",
  "user.accept_invite",
  "user.update_role",
  "user.delete",
  "account.rotate_token",
  "account.promote_token",
  "account.delete_secondary_token",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(s: string): s is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(s);
}

export type AuditResourceType =
  | "service"
  | "phone_number"
  | "short_code"
  | "alpha_sender"
  | "channel_sender"
  | "opt_out"
  | "link_domain"
  | "carrier"
  | "carrier_route"
  | "api_key"
  | "account"
  | "a2p_brand"
  | "a2p_campaign"
  | "user";

/**
 * Where the console shows a resource, or null when it has no page of its
 * own (or is gone: a deleted resource's link would only be a 404, so the
 * caller leaves deletions unlinked).
 */
export function auditResourceHref(type: string, sid: string, serviceSid: string | null): string | null {
  switch (type) {
    case "service":
      return `/services/${sid}`;
    case "alpha_sender":
    case "channel_sender":
      return serviceSid ? `/services/${serviceSid}/sender-pool` : null;
    case "phone_number":
    case "short_code":
      return serviceSid ? `/services/${serviceSid}/sender-pool` : "/numbers";
    case "opt_out":
      return serviceSid ? `/services/${serviceSid}/opt-out` : null;
    case "a2p_campaign":
      return serviceSid ? `/services/${serviceSid}/compliance` : null;
    case "link_domain":
      return `/domains/${sid}`;
    case "carrier":
      return `/carriers/${sid}`;
    case "carrier_route":
      return "/carriers";
    case "api_key":
    case "account":
    case "user":
      return "/settings";
    default:
      return null;
  }
}

/** "service.update" -> "Service update", for the table. */
export function auditActionLabel(action: string): string {
  const text = action.replace(/[._]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
