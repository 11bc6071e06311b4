import type { Task } from "graphile-worker";
import { handleInboundMessage } from "@/lib/server/services/inbound/handle-inbound-message";

/** graphile-worker task for INBOUND_TASK: on the job's last attempt an unreachable webhook is recorded as failed instead of thrown. */
export const inboundMessageTask: Task = async (payload, helpers) => {
  const { sid } = payload as { sid: string };
  await handleInboundMessage(sid, { finalAttempt: helpers.job.attempts >= helpers.job.max_attempts });
};
