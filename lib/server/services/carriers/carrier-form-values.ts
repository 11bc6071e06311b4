import type { Carrier } from "@/lib/generated/prisma/client";
import { readSmppSettings, readTwilioSettings } from "./carrier-settings-map";

/** A stored carrier as the edit form's initial values (field name -> text); never the secret. */
export function carrierFormValues(c: Carrier): Record<string, string> {
  const common = { friendlyName: c.friendlyName, type: c.type };
  if (c.type !== "smpp") {
    const t = readTwilioSettings(c.settings);
    return { ...common, baseUrl: t.baseUrl, upstreamAccountSid: t.accountSid };
  }
  const s = readSmppSettings(c.settings);
  const a = s.addressing;
  const values = {
    ...common,
    host: s.host,
    port: s.port,
    systemId: s.systemId,
    systemType: s.systemType,
    bindMode: s.bindMode,
    windowSize: s.windowSize,
    throughput: s.throughput,
    binds: s.binds,
    enquireLinkInterval: s.enquireLinkSeconds,
    concatenation: s.concatenation,
    sourceTonAlpha: a.alpha.ton,
    sourceNpiAlpha: a.alpha.npi,
    sourceTonShortCode: a.shortCode.ton,
    sourceNpiShortCode: a.shortCode.npi,
    sourceTonInternational: a.international.ton,
    sourceNpiInternational: a.international.npi,
    destinationTon: a.destination.ton,
    destinationNpi: a.destination.npi,
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}

/** Switches of the form, separately (checkbox state, not text). */
export function carrierFormSwitches(c: Carrier): Record<string, boolean> {
  const s = c.type === "smpp" ? readSmppSettings(c.settings) : null;
  return { tls: s?.tls ?? false, registeredDelivery: s?.registeredDelivery ?? true, isDefault: c.isDefault, enabled: c.enabled };
}
