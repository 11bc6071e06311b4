import { metrics, statusClass } from "./metrics";

/** What the counters need of a message row (the pipeline's Message has these fields). */
interface MessageLike {
  serviceSid: string | null;
  errorCode: number | null;
  senderSid: string | null;
  createdAt: Date;
}

/** The sender's table, from its SID prefix: lengths of the dispatch histogram are told apart by it. */
export function senderTable(senderSid: string | null): string {
  switch (senderSid?.slice(0, 2)) {
    case "PN":
      return "phone_number";
    case "SC":
      return "short_code";
    case "AI":
      return "alpha_sender";
    case "XE":
      return "channel_sender";
    default:
      return "none";
  }
}

/**
 * Called where transitions commit (transition-message.ts): each status a
 * message passed through counts once, by service and error code; a hand-off
 * (sent) also records the creation-to-hand-off latency. A transition that
 * matched no row (a retried or concurrent worker lost the race) counts
 * nothing, so every status is counted once across all processes.
 */
export function observeTransitions(rows: readonly { chain: readonly string[] }[], results: readonly (MessageLike | null)[]): void {
  const now = Date.now();
  for (let i = 0; i < results.length; i++) {
    const m = results[i];
    const chain = rows[i]?.chain;
    if (!m || !chain) continue;
    const service = m.serviceSid ?? "none";
    for (const status of chain) {
      const errorCode = status === "failed" || status === "undelivered" ? String(m.errorCode ?? "") : "";
      metrics.transitions.inc({ status, service, error_code: errorCode });
      if (status === "sent") metrics.dispatchSeconds.observe({ sender_type: senderTable(m.senderSid) }, Math.max(0, now - m.createdAt.getTime()) / 1000);
    }
  }
}

/** Called by the create API (both mounts): one accepted message, and how long its creation took. */
export function observeCreate(message: { serviceSid: string | null } | null, startedAt: number): void {
  const seconds = (performance.now() - startedAt) / 1000;
  metrics.createSeconds.observe({ outcome: message ? "created" : "error" }, seconds);
  if (message) metrics.created.inc({ service: message.serviceSid ?? "none" });
}

/** An outbound webhook attempt (status callbacks, inbound message webhooks, link click callbacks). */
export function observeWebhook(purpose: string, status: number | null): void {
  metrics.webhooks.inc({ purpose, outcome: statusClass(status) });
}

/** A short-link request answered by the link server. */
export function observeLinkRedirect(status: number): void {
  metrics.linkRedirects.inc({ status: String(status) });
}
