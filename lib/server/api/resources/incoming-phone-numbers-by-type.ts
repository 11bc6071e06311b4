import type { NumberType } from "@/lib/core/inventory/countries";
import { buyPhoneNumber } from "@/lib/server/services/phone-numbers/buy-phone-number";
import { listPhoneNumbers } from "@/lib/server/services/phone-numbers/phone-number-queries";
import { buyPhoneNumberSchema, PHONE_NUMBER_FIELD_ERROR_CODES } from "@/lib/server/services/phone-numbers/phone-number-schema";
import { readPage, v2010Page } from "../pagination";
import { parseParams, pick, readForm, readQuery } from "../params";
import { apiHandler, json } from "../respond";
import { authenticateAccountPath, BUY_PHONE_NUMBER_PARAMS, incomingPhoneNumberResource } from "./incoming-phone-number";

type Ctx = { params: Promise<{ accountSid: string }> };

const PATH_SEGMENT: Record<NumberType, string> = { local: "Local", mobile: "Mobile", toll_free: "TollFree" };

/**
 * IncomingPhoneNumbers/{Local,Mobile,TollFree}.json: the account's numbers of
 * one type (list) and buying a number of that type (create), the same
 * services as IncomingPhoneNumbers.json with the type as a filter.
 */
export function incomingPhoneNumbersByTypeRoute(numberType: NumberType) {
  const GET = apiHandler<Ctx>(async (req, { params }) => {
    const accountSid = await authenticateAccountPath(req, (await params).accountSid);
    const q = readQuery(req);
    const page = readPage(q);
    const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
    const raw = first(q.PhoneNumber);
    const phoneNumber = raw ? (raw.startsWith("+") ? raw : `+${raw}`) : undefined;
    const { items, total } = await listPhoneNumbers(accountSid, { skip: page.skip, take: page.pageSize, phoneNumber, numberType });
    const path = `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers/${PATH_SEGMENT[numberType]}.json`;
    return json(v2010Page("incoming_phone_numbers", path, q, page, items.map(incomingPhoneNumberResource), page.skip + items.length < total));
  });
  const POST = apiHandler<Ctx>(async (req, { params }) => {
    const accountSid = await authenticateAccountPath(req, (await params).accountSid);
    const input = parseParams(buyPhoneNumberSchema, pick(await readForm(req), BUY_PHONE_NUMBER_PARAMS), BUY_PHONE_NUMBER_PARAMS, PHONE_NUMBER_FIELD_ERROR_CODES);
    return json(incomingPhoneNumberResource(await buyPhoneNumber(accountSid, input, numberType)), 201);
  });
  return { GET, POST };
}
