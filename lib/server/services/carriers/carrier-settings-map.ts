import { SMPP_DEFAULTS, type SmppSettings, type TwilioUpstreamSettings } from "@/lib/carriers/carrier-settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UpdateCarrierInput } from "./carrier-schema";

/** The flat form / API fields applied over stored (or default) SMPP settings; absent fields keep their value. */
export function mergeSmppSettings(base: Partial<SmppSettings>, f: UpdateCarrierInput): SmppSettings {
  const d = { ...SMPP_DEFAULTS, ...base };
  const a = d.addressing;
  return {
    host: f.host ?? d.host ?? "",
    port: f.port ?? d.port ?? 0,
    tls: f.tls ?? d.tls,
    systemId: f.systemId ?? d.systemId ?? "",
    systemType: f.systemType ?? d.systemType,
    bindMode: f.bindMode ?? d.bindMode,
    windowSize: f.windowSize ?? d.windowSize,
    throughput: f.throughput ?? d.throughput,
    binds: f.binds ?? d.binds,
    registeredDelivery: f.registeredDelivery ?? d.registeredDelivery,
    enquireLinkSeconds: f.enquireLinkInterval ?? d.enquireLinkSeconds,
    concatenation: f.concatenation ?? d.concatenation,
    addressing: {
      alpha: { ton: f.sourceTonAlpha ?? a.alpha.ton, npi: f.sourceNpiAlpha ?? a.alpha.npi },
      shortCode: { ton: f.sourceTonShortCode ?? a.shortCode.ton, npi: f.sourceNpiShortCode ?? a.shortCode.npi },
      international: { ton: f.sourceTonInternational ?? a.international.ton, npi: f.sourceNpiInternational ?? a.international.npi },
      destination: { ton: f.destinationTon ?? a.destination.ton, npi: f.destinationNpi ?? a.destination.npi },
    },
  };
}

export function mergeTwilioSettings(base: Partial<TwilioUpstreamSettings>, f: UpdateCarrierInput): TwilioUpstreamSettings {
  return {
    // Stored without a trailing slash: the runtime appends /2010-04-01/...
    baseUrl: (f.baseUrl ?? base.baseUrl ?? "").replace(/\/+$/, ""),
    accountSid: f.upstreamAccountSid ?? base.accountSid ?? "",
  };
}

/** Stored JSON back to typed settings (rows written by this code; defaults fill keys added later). */
export function readSmppSettings(json: unknown): SmppSettings {
  return mergeSmppSettings((json ?? {}) as Partial<SmppSettings>, {});
}

export function readTwilioSettings(json: unknown): TwilioUpstreamSettings {
  return mergeTwilioSettings((json ?? {}) as Partial<TwilioUpstreamSettings>, {});
}

/** Settings as the JSON column takes them (the interfaces are plain JSON data). */
export const settingsJson = (s: SmppSettings | TwilioUpstreamSettings) => s as unknown as Prisma.InputJsonObject;
