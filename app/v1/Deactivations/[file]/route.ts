import { authenticate } from "@/lib/server/api/credentials";
import { apiHandler } from "@/lib/server/api/respond";
import { notFound } from "@/lib/server/errors";
import { deactivatedNumbers, parseDeactivationDate } from "@/lib/server/services/deactivations/deactivated-numbers";

type Ctx = { params: Promise<{ file: string }> };

/** The day's list file: one E.164 number per line, for the authenticated account (docs/api.md "Deactivations"). */
export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const m = /^(\d{4}-\d{2}-\d{2})\.txt$/.exec((await params).file);
  if (!m?.[1]) throw notFound();
  const numbers = await deactivatedNumbers(accountSid, parseDeactivationDate(m[1]));
  return new Response(numbers.map((n) => `${n}\n`).join(""), { headers: { "content-type": "text/plain; charset=utf-8" } });
});
