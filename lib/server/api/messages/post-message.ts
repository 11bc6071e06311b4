import { observeCreate } from "@/lib/server/observability/observe-messages";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { CREATE_MESSAGE_PARAMS } from "@/lib/server/services/messages/message-input";
import type { ApiRequest } from "../api-request";
import { authenticateCached } from "../authenticate-cached";
import { assertAccountPath } from "../credentials";
import { pick, readForm } from "../params";
import { messageResource } from "../resources/message";
import type { ApiResult } from "../respond";

/**
 * POST /2010-04-01/Accounts/{AccountSid}/Messages.json: the send hot path.
 * One function for both mounts: the Next route handler and the front
 * server's node:http fast path (front-server.ts), so they cannot differ.
 */
export async function postMessage(req: ApiRequest, accountSid: string): Promise<ApiResult> {
  assertAccountPath(await authenticateCached(req), accountSid);
  const started = performance.now();
  const message = await createMessage(accountSid, pick(await readForm(req), CREATE_MESSAGE_PARAMS)).catch((err: unknown) => {
    observeCreate(null, started);
    throw err;
  });
  observeCreate(message, started);
  return { status: 201, body: messageResource(message) };
}
