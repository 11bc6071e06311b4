import { isoCountryCodes } from "@/lib/core/senders/alpha-countries";

const names = new Intl.DisplayNames(["en"], { type: "region" });

/** "FR — France" options, by ISO code; the label falls back to the code when the runtime lacks a name. */
export function countryOptions(codes: readonly string[] = isoCountryCodes()): { value: string; label: string }[] {
  return codes.map((c) => {
    let name = c;
    try {
      name = names.of(c) ?? c;
    } catch {
      // Intl throws on codes it does not know (e.g. XK on old ICU): keep the code.
    }
    return { value: c, label: `${c} — ${name}` };
  });
}
