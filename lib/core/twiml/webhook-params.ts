import nanp from "../data/nanp-area-codes.json";
import { parseAddress } from "../phone/parse-address";
import { mediaContentType } from "../media/content-type";

/**
 * The parameters of an inbound message webhook (docs/wire-contract.md "Webhook payloads"), in
 * the names Twilio sends. Pure: the caller passes what it loaded.
 */
export interface InboundFacts {
  messageSid: string;
  accountSid: string;
  serviceSid: string | null;
  from: string;
  to: string;
  body: string;
  mediaUrls: readonly string[];
  numSegments: number;
  /** Country of the receiving sender when the address alone does not tell (short codes). */
  toCountry?: string | null;
  optOutType?: "STOP" | "START" | "HELP" | null;
}

export interface Geo {
  country?: string;
  state?: string;
}

const regionByNpa = new Map<string, string>();
for (const row of [...nanp.areaCodes, ...nanp.otherNanpGeographic] as { npa: string; region?: string }[]) {
  if (row.region) regionByNpa.set(row.npa, row.region);
}

/** What the address says about where it is: the country, and the state/province of a NANP area code. City and ZIP are not known. */
export function addressGeo(address: string): Geo {
  const parsed = parseAddress(address);
  if (!parsed.ok) return {};
  const geo: Geo = { country: parsed.address.country };
  const npa = parsed.address.npa;
  const state = npa ? regionByNpa.get(npa) : undefined;
  if (state && !parsed.address.isTollFree) geo.state = state;
  return geo;
}

/** MediaContentTypeN: the carrier does not tell us, so the URL's file extension decides (the Media resource's rule). */
export { mediaContentType };

export function inboundWebhookParams(m: InboundFacts): Record<string, string> {
  const p: Record<string, string> = {
    SmsMessageSid: m.messageSid,
    NumMedia: String(m.mediaUrls.length),
    SmsSid: m.messageSid,
    SmsStatus: "received",
    Body: m.body,
    To: m.to,
    NumSegments: String(m.numSegments),
    MessageSid: m.messageSid,
    AccountSid: m.accountSid,
    From: m.from,
    ApiVersion: "2010-04-01",
  };
  if (m.serviceSid) p.MessagingServiceSid = m.serviceSid;
  m.mediaUrls.forEach((url, i) => {
    p[`MediaUrl${i}`] = url;
    p[`MediaContentType${i}`] = mediaContentType(url);
  });
  // Geo fields only when known (docs/wire-contract.md "Webhook payloads": "when known").
  const from = addressGeo(m.from);
  const to = addressGeo(m.to);
  const toCountry = to.country ?? m.toCountry ?? undefined;
  if (from.country) p.FromCountry = from.country;
  if (from.state) p.FromState = from.state;
  if (toCountry) p.ToCountry = toCountry;
  if (to.state) p.ToState = to.state;
  const wa = /^whatsapp:\+(\d+)$/.exec(m.from);
  if (wa) p.WaId = wa[1] as string;
  if (m.optOutType) p.OptOutType = m.optOutType;
  return p;
}

/** A GET webhook carries its parameters in the query string, after any the URL already has. */
export function urlWithParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.append(k, v);
  return u.toString();
}
