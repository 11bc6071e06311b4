import type { z } from "zod";
import { removePoolMember } from "@/lib/server/services/sender-pool/remove-pool-member";
import { SENDER_POOL_FIELD_ERROR_CODES } from "@/lib/server/services/sender-pool/sender-pool-schema";
import { authenticate } from "./credentials";
import { readPage, v1Page } from "./pagination";
import { parseParams, pick, readForm, readQuery } from "./params";
import { fetchPoolMember, requireKind, type PoolKind, type RecordOf } from "./resources/phone-number";
import { apiHandler, json, noContent } from "./respond";

type Ctx = { params: Promise<{ sid: string }> };

/**
 * GET (paged list) and POST (add an existing sender by SID) of a v1 Service
 * sender sub-resource: the shape PhoneNumbers, ShortCodes and ChannelSenders
 * share; only the meta key, the path, the service calls and the resource differ.
 */
export function poolCollectionRoutes<S extends z.ZodType, Row, Added>(opts: {
  key: string;
  path: string;
  list: (accountSid: string, serviceSid: string, page: { skip: number; take: number }) => Promise<{ items: Row[]; total: number }>;
  toResource: (row: Row | Added, serviceSid: string) => unknown;
  params: Record<string, string>;
  schema: S;
  add: (accountSid: string, serviceSid: string, input: z.infer<S>) => Promise<Added>;
}) {
  const GET = apiHandler<Ctx>(async (req, { params }) => {
    const { accountSid } = await authenticate(req);
    const { sid } = await params;
    const q = readQuery(req);
    const page = readPage(q);
    const { items, total } = await opts.list(accountSid, sid, { skip: page.skip, take: page.pageSize });
    const resources = items.map((row) => opts.toResource(row, sid));
    return json(v1Page(opts.key, `/v1/Services/${sid}/${opts.path}`, q, page, resources, page.skip + items.length < total));
  });
  const POST = apiHandler<Ctx>(async (req, { params }) => {
    const { accountSid } = await authenticate(req);
    const { sid } = await params;
    const input = parseParams(opts.schema, pick(await readForm(req), opts.params), opts.params, SENDER_POOL_FIELD_ERROR_CODES);
    return json(opts.toResource(await opts.add(accountSid, sid, input), sid), 201);
  });
  return { GET, POST };
}

type ItemCtx = { params: Promise<{ sid: string; senderSid: string }> };

/**
 * GET and DELETE of one member of such a collection. The SID must be of the
 * collection's kind (a short code under /PhoneNumbers is not found); DELETE
 * takes the sender out of the pool, back to the account's inventory.
 */
export function poolItemRoutes<K extends PoolKind>(kind: K, toResource: (record: RecordOf[K], serviceSid: string) => unknown) {
  const GET = apiHandler<ItemCtx>(async (req, { params }) => {
    const { accountSid } = await authenticate(req);
    const { sid, senderSid } = await params;
    return json(toResource(await fetchPoolMember(accountSid, sid, senderSid, kind), sid));
  });
  const DELETE = apiHandler<ItemCtx>(async (req, { params }) => {
    const { accountSid } = await authenticate(req);
    const { sid, senderSid } = await params;
    requireKind(sid, senderSid, kind);
    await removePoolMember(accountSid, sid, senderSid);
    return noContent();
  });
  return { GET, DELETE };
}
