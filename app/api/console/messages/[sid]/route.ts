import { consoleHandler } from "@/lib/server/api/console-handler";
import { getMessageDetail } from "@/lib/server/services/message-logs/get-message-detail";

export const dynamic = "force-dynamic";

/** One message with its timeline and trace, for the Send Test page to follow. */
export const GET = consoleHandler<{ params: Promise<{ sid: string }> }>(async (_req, viewer, { params }) => {
  const m = await getMessageDetail(viewer.accountSid, (await params).sid);
  return Response.json({
    sid: m.sid,
    status: m.status,
    from: m.from,
    to: m.to,
    body: m.body,
    encoding: m.encoding,
    numSegments: m.numSegments,
    errorCode: m.errorCode,
    errorMessage: m.errorMessage,
    routingTrace: m.routingTrace,
    senderLabels: m.senderLabels,
    events: m.events.map((e) => ({ status: e.status, at: e.createdAt.toISOString(), errorCode: e.errorCode })),
  });
});
