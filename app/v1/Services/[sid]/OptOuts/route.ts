import { authenticate } from "@/lib/server/api/credentials";
import { readPage, v1Page } from "@/lib/server/api/pagination";
import { readForm, readQuery } from "@/lib/server/api/params";
import { apiHandler, json } from "@/lib/server/api/respond";
import { AppError } from "@/lib/server/errors";
import { addOptOut } from "@/lib/server/services/opt-out/change-opt-out";
import { listOptOuts } from "@/lib/server/services/opt-out/opt-out-list";
import { optOutResource } from "./opt-out-resource";

type Ctx = { params: Promise<{ sid: string }> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

/** List (newest first; `PhoneNumber` filters by any part of the number), v1 paging. */
export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const { accountSid } = await authenticate(req);
  const { sid } = await params;
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listOptOuts(accountSid, sid, { search: one(q.PhoneNumber), skip: page.skip, take: page.pageSize });
  return json(v1Page("opt_outs", `/v1/Services/${sid}/OptOuts`, q, page, items.map((e) => optOutResource(accountSid, e)), page.skip + items.length < total));
});

/** Create with `PhoneNumber`: 201 when added, 200 with the existing entry when already on the list. */
export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const principal = await authenticate(req);
  const { sid } = await params;
  const phoneNumber = one((await readForm(req)).PhoneNumber)?.trim();
  if (!phoneNumber) throw new AppError(21604, "Missing required parameter PhoneNumber in the post body", 400);
  const { entry, created } = await addOptOut(principal.accountSid, sid, phoneNumber, { source: "api", actor: principal.keySid ?? principal.accountSid });
  return json(optOutResource(principal.accountSid, entry), created ? 201 : 200);
});
