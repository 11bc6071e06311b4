import type { TaskList } from "graphile-worker";
import { deliverClickCallback } from "@/lib/server/services/links/deliver-click-callback";
import { promoteCertificate } from "@/lib/server/services/links/upload-certificate";
import { CLICK_CALLBACK_TASK, PROMOTE_CERTIFICATE_TASK } from "@/lib/server/jobs/link-task-names";

/** Link shortening's queue tasks, merged into the pipeline workers' task list. */
export const linkTasks: TaskList = {
  [CLICK_CALLBACK_TASK]: async (payload) => deliverClickCallback(BigInt((payload as { id: string }).id)),
  [PROMOTE_CERTIFICATE_TASK]: async (payload) => {
    await promoteCertificate((payload as { sid: string }).sid);
  },
};
