import { readPage, v2010Page } from "@/lib/server/api/pagination";
import { parseParams, pick, readForm, readQuery } from "@/lib/server/api/params";
import { authenticateAccountPath, BUY_PHONE_NUMBER_PARAMS, incomingPhoneNumberResource } from "@/lib/server/api/resources/incoming-phone-number";
import { apiHandler, json } from "@/lib/server/api/respond";
import { buyPhoneNumber } from "@/lib/server/services/phone-numbers/buy-phone-number";
import { listPhoneNumbers } from "@/lib/server/services/phone-numbers/phone-number-queries";
import { buyPhoneNumberSchema, PHONE_NUMBER_FIELD_ERROR_CODES } from "@/lib/server/services/phone-numbers/phone-number-schema";

type Ctx = { params: Promise<{ accountSid: string }> };

/** An unencoded "+" in a query string arrives as a space; either way the filter is E.164. */
function e164Filter(raw: string | string[] | undefined): string | undefined {
  const v = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return v ? (v.startsWith("+") ? v : `+${v}`) : undefined;
}

export const GET = apiHandler<Ctx>(async (req, { params }) => {
  const accountSid = await authenticateAccountPath(req, (await params).accountSid);
  const q = readQuery(req);
  const page = readPage(q);
  const { items, total } = await listPhoneNumbers(accountSid, { skip: page.skip, take: page.pageSize, phoneNumber: e164Filter(q.PhoneNumber) });
  const path = `/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`;
  return json(v2010Page("incoming_phone_numbers", path, q, page, items.map(incomingPhoneNumberResource), page.skip + items.length < total));
});

/** Buying: PhoneNumber (E.164) or AreaCode (first free number there). */
export const POST = apiHandler<Ctx>(async (req, { params }) => {
  const accountSid = await authenticateAccountPath(req, (await params).accountSid);
  const input = parseParams(buyPhoneNumberSchema, pick(await readForm(req), BUY_PHONE_NUMBER_PARAMS), BUY_PHONE_NUMBER_PARAMS, PHONE_NUMBER_FIELD_ERROR_CODES);
  return json(incomingPhoneNumberResource(await buyPhoneNumber(accountSid, input)), 201);
});
