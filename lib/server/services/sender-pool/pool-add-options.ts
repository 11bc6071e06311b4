import "server-only";
import { listPhoneNumbers } from "@/lib/server/services/phone-numbers/phone-number-queries";
import { listShortCodes } from "@/lib/server/services/short-codes/short-code-queries";

type Option = { value: string; label: string };

/**
 * The account's numbers and short codes a service's pool could take, for the
 * "Add senders" forms (Sender Pool page and guided setup). Free inventory
 * first; senders in another service stay listed, named, so the refusal
 * (21712) is explained, not hidden.
 */
export async function poolAddOptions(accountSid: string, serviceSid: string): Promise<{ numberOptions: Option[]; shortCodeOptions: Option[] }> {
  const [numbers, shortCodes] = await Promise.all([listPhoneNumbers(accountSid), listShortCodes(accountSid)]);
  const others = <T extends { serviceSid: string | null }>(items: T[]) => items.filter((i) => i.serviceSid !== serviceSid);
  const byFreeFirst = <T extends { serviceSid: string | null }>(a: T, b: T) => Number(a.serviceSid !== null) - Number(b.serviceSid !== null);
  const numberOptions = others(numbers.items)
    .sort(byFreeFirst)
    .map((n) => ({
      value: n.sid,
      label: `${n.phoneNumber} (${n.isoCountry}, ${n.numberType === "toll_free" ? "toll-free" : n.numberType})${n.service ? ` — in ${n.service.friendlyName}` : ""}${n.smsEnabled || n.mmsEnabled ? "" : " — no SMS"}`,
    }));
  const shortCodeOptions = others(shortCodes.items)
    .sort(byFreeFirst)
    .map((s) => ({ value: s.sid, label: `${s.shortCode} (${s.isoCountry})${s.service ? ` — in ${s.service.friendlyName}` : ""}` }));
  return { numberOptions, shortCodeOptions };
}
