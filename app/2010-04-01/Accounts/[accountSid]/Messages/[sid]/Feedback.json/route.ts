import { assertAccountPath, authenticate } from "@/lib/server/api/credentials";
import { parseParams, pick, readForm } from "@/lib/server/api/params";
import { feedbackResource } from "@/lib/server/api/resources/feedback";
import { apiHandler, json } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { feedbackSchema, recordFeedback } from "@/lib/server/services/feedback/record-feedback";

type Ctx = { params: Promise<{ accountSid: string; sid: string }> };
const PARAMS = { Outcome: "outcome" };

/** Answered 200, not 201: Twilio's description says so for this create. */
export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid, sid } = await params;
  assertAccountPath(await authenticate(req), accountSid);
  if (!/^(SM|MM)[0-9a-fA-F]{32}$/.test(sid)) throw notFound();
  const input = parseParams(feedbackSchema, pick(await readForm(req), PARAMS), PARAMS);
  return json(feedbackResource(await recordFeedback(accountSid, sid, input)));
});
