import { observeCreate } from "@/lib/server/observability/observe-messages";
import { AppError } from "@/lib/server/errors";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { CREATE_MESSAGE_PARAMS } from "@/lib/server/services/messages/message-input";
import type { ApiRequest } from "../api-request";
import { authenticateCached } from "../authenticate-cached";
import { assertAccountPath } from "../credentials";
import { pick, readForm } from "../params";
import { messageResource } from "../resources/message";
import type { ApiResult } from "../respond";

const MAX_KEY_LENGTH = 255;

/**
 * The create's idempotency key: `I-Twilio-Idempotency-Token` (the header Twilio's own webhooks carry) or
 * `Idempotency-Key` (an extension; docs/reliability.md). A retried create with it answers the first message.
 */
function readIdempotencyKey(req: ApiRequest): string | undefined {
  const key = (req.headers.get("i-twilio-idempotency-token") ?? req.headers.get("idempotency-key"))?.trim();
  if (!key) return undefined;
  if (key.length > MAX_KEY_LENGTH) throw new AppError(20001, `The idempotency key is longer than ${MAX_KEY_LENGTH} characters.`, 400);
  return key;
}

/**
 * POST /2010-04-01/Accounts/{AccountSid}/Messages.json: the send hot path.
 * One function for both mounts: the Next route handler and the front
 * server's node:http fast path (front-server.ts), so they cannot differ.
 */
export async function postMessage(req: ApiRequest, accountSid: string): Promise<ApiResult> {
  assertAccountPath(await authenticateCached(req), accountSid);
  const started = performance.now();
  const idempotencyKey = readIdempotencyKey(req);
  const message = await createMessage(accountSid, pick(await readForm(req), CREATE_MESSAGE_PARAMS), { idempotencyKey }).catch((err: unknown) => {
    observeCreate(null, started);
    throw err;
  });
  observeCreate(message, started);
  return { status: 201, body: messageResource(message) };
}
