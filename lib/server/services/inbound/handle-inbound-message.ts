import { resolveInboundTarget, type WebhookTarget } from "@/lib/core/twiml/inbound-target";
import { parseTwiml } from "@/lib/core/twiml/parse-twiml";
import { inboundWebhookParams } from "@/lib/core/twiml/webhook-params";
import { db, type Tx } from "@/lib/server/db/client";
import { addInboundToConversation } from "@/lib/server/services/conversations/add-inbound-to-conversation";
import { processInboundKeyword } from "@/lib/server/services/opt-out/process-inbound-keyword";
import { loadInboundContext, type InboundContext } from "./load-inbound-context";
import { requestTwiml, type TwimlAnswer } from "./request-twiml";
import { sendTwimlReplies } from "./send-twiml-replies";

/** Thrown so the queue retries the job with its backoff; the attempt is already recorded. */
export class InboundWebhookUnreachable extends Error {}

type HandlingPatch = Partial<{
  keywordDone: boolean;
  optOutType: string | null;
  outcome: string;
  url: string | null;
  method: string | null;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  replies: number;
  completedAt: Date | null;
}>;

function record(tx: Tx, ctx: InboundContext, patch: HandlingPatch) {
  return tx.inboundHandling.upsert({
    where: { messageSid: ctx.message.sid },
    create: { messageSid: ctx.message.sid, accountSid: ctx.message.accountSid, ...patch },
    update: patch,
  });
}

/** 5xx and no answer at all may pass; a 4xx (or 3xx) is the application's considered answer. */
const transient = (a: TwimlAnswer) => a.status === null || a.status >= 500;
const describe = (a: TwimlAnswer) => (a.status === null ? a.body : `HTTP ${a.status}`);

/**
 * The `inbound-message` job (docs/pipeline.md, "Inbound messages"):
 * 1. opt-out keywords (processInboundKeyword records STOP/START and replies);
 * 2. the Integration setting: the conversation inbox, or the webhook —
 *    primary once, then the fallback once (with ErrorCode/ErrorUrl) when
 *    the primary fails, as Twilio does;
 * 3. the TwiML answer's <Message>s, sent through createMessage.
 * Each finished step is recorded on `inbound_handling`, so a retry skips
 * it. The replies and the completion mark commit together: a retry after
 * a crash may repeat the webhook request (same idempotency token) but never
 * the replies. When no request got an answer, or the last answer was a 5xx,
 * the job throws and is retried with backoff; `finalAttempt` gives up instead.
 */
export async function handleInboundMessage(sid: string, opts: { finalAttempt?: boolean } = {}): Promise<void> {
  const ctx = await loadInboundContext(sid);
  if (!ctx || ctx.handling.completedAt) return;
  const m = ctx.message;

  let optOutType = ctx.handling.optOutType as "STOP" | "START" | "HELP" | null;
  if (!ctx.handling.keywordDone) {
    ({ optOutType } = await processInboundKeyword({ accountSid: m.accountSid, serviceSid: m.serviceSid, from: m.from, to: m.to, body: m.body, messageSid: m.sid }));
    await record(db, ctx, { keywordDone: true, optOutType });
  }

  const target = resolveInboundTarget(ctx.service, ctx.senderWebhook);
  if (target.kind === "none") {
    await record(db, ctx, { outcome: "none", lastError: target.reason, completedAt: new Date() });
    return;
  }
  if (target.kind === "conversation") {
    await db.$transaction(async (tx) => {
      await addInboundToConversation(tx, { ...m, serviceSid: m.serviceSid as string });
      await record(tx, ctx, { outcome: "conversation", completedAt: new Date() });
    });
    return;
  }

  const params = inboundWebhookParams({ ...m, messageSid: m.sid, toCountry: ctx.senderCountry, optOutType });
  const ask = (t: WebhookTarget, p: Record<string, string>) => requestTwiml(t, p, ctx.authToken, `${m.sid}:inbound`);
  let used = target.primary;
  let outcome = "webhook";
  let answer = await ask(target.primary, params);
  const notes: string[] = [];
  if (!answer.ok && target.fallback) {
    notes.push(`${target.primary.url}: ${describe(answer)}`);
    used = target.fallback;
    outcome = "fallback";
    // Twilio tells the fallback why it is being called.
    answer = await ask(target.fallback, { ...params, ErrorCode: answer.status === null ? "11205" : "11200", ErrorUrl: target.primary.url });
  }
  const attempts = ctx.handling.attempts + 1;
  const seen = { url: used.url, method: used.method, attempts, responseStatus: answer.status };

  if (!answer.ok) {
    notes.push(`${used.url}: ${describe(answer)}`);
    const lastError = notes.join("; ");
    if (transient(answer) && !opts.finalAttempt) {
      await record(db, ctx, { ...seen, outcome: "pending", lastError });
      throw new InboundWebhookUnreachable(`inbound webhook for ${m.sid} failed: ${lastError}`);
    }
    await record(db, ctx, { ...seen, outcome: "failed", lastError, completedAt: new Date() });
    return;
  }

  const twiml = parseTwiml(answer.body);
  if (!twiml.ok) notes.push(twiml.error);
  else if (twiml.ignored.length) notes.push(`Ignored TwiML: ${twiml.ignored.map((v) => `<${v}>`).join(", ")}`);
  await db.$transaction(
    async (tx) => {
      const replies = twiml.ok ? await sendTwimlReplies(tx, { accountSid: m.accountSid, serviceSid: m.serviceSid, inboundFrom: m.from, inboundTo: m.to }, twiml.messages) : { sent: [], errors: [] };
      notes.push(...replies.errors);
      await record(tx, ctx, { ...seen, outcome, replies: replies.sent.length, lastError: notes.length ? notes.join("; ").slice(0, 2000) : null, completedAt: new Date() });
    },
    { timeout: 30_000 },
  );
}
