import type { NumberType } from "@/lib/core/inventory/countries";
import { readPage, v2010Page } from "@/lib/server/api/pagination";
import { readQuery } from "@/lib/server/api/params";
import { availablePhoneNumberResource, findAvailableNumbers, readAvailableSearch } from "@/lib/server/api/resources/available-phone-number";
import { authenticateAccountPath } from "@/lib/server/api/resources/incoming-phone-number";
import { apiHandler, json } from "@/lib/server/api/respond";

type Ctx = { params: Promise<{ accountSid: string; country: string }> };

const FILE: Record<NumberType, string> = { local: "Local.json", toll_free: "TollFree.json", mobile: "Mobile.json" };

/**
 * GET AvailablePhoneNumbers/{Country}/{Local|TollFree|Mobile}.json. A search
 * is one page: Twilio never pages these results, so next_page_uri is null.
 */
export function availableNumbersRoute(type: NumberType) {
  return apiHandler<Ctx>(async (req, { params }) => {
    const { accountSid: pathAccount, country } = await params;
    const accountSid = await authenticateAccountPath(req, pathAccount);
    const q = readQuery(req);
    const page = readPage(q);
    const found = await findAvailableNumbers(accountSid, readAvailableSearch(country, type, q), page.pageSize);
    const path = `/2010-04-01/Accounts/${accountSid}/AvailablePhoneNumbers/${country.toUpperCase()}/${FILE[type]}`;
    return json(v2010Page("available_phone_numbers", path, q, page, found.map(availablePhoneNumberResource), false));
  });
}
