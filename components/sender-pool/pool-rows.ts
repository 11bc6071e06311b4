import { alphaCountryWarnings } from "@/lib/core/senders/alpha-countries";
import { effectiveMps } from "@/lib/core/senders/mps";
import type { listPool } from "@/lib/server/services/sender-pool/pool-queries";

export interface PoolRow {
  sid: string;
  sender: string;
  type: string;
  country: string;
  capabilities: string;
  mps: number;
  added: Date;
  notes: string[];
  /** The sender's carrier binding (docs/carriers.md); absent for WhatsApp / RCS senders, which no SMS carrier serves. */
  carrier?: { kind: "phoneNumber" | "shortCode" | "alphaSender"; carrierSid: string | null };
}

type Pool = Awaited<ReturnType<typeof listPool>>;

const caps = (c: { smsEnabled: boolean; mmsEnabled: boolean; voiceEnabled?: boolean }) =>
  [c.smsEnabled && "SMS", c.mmsEnabled && "MMS", c.voiceEnabled && "Voice"].filter(Boolean).join(", ") || "none";

/** One table row per sender, whatever its type (the page shows a single pool table). */
export function poolRows(pool: Pool): PoolRow[] {
  const rows: PoolRow[] = [
    ...pool.phoneNumbers.map((n) => ({
      sid: n.sid,
      sender: n.phoneNumber,
      type: n.numberType === "toll_free" ? "Toll-free" : n.numberType === "mobile" ? "Mobile" : "Long code",
      country: n.isoCountry,
      capabilities: caps(n),
      mps: effectiveMps(n.numberType === "toll_free" ? "toll_free" : "long_code", n.mps),
      added: n.addedToServiceAt ?? n.createdAt,
      notes: [],
      carrier: { kind: "phoneNumber" as const, carrierSid: n.carrierSid },
    })),
    ...pool.shortCodes.map((s) => ({
      sid: s.sid,
      sender: s.shortCode,
      type: "Short code",
      country: s.isoCountry,
      capabilities: caps(s),
      mps: effectiveMps("short_code", s.mps),
      added: s.addedToServiceAt ?? s.createdAt,
      notes: [],
      carrier: { kind: "shortCode" as const, carrierSid: s.carrierSid },
    })),
    ...pool.alphaSenders.map((a) => ({
      sid: a.sid,
      sender: a.alphaSender,
      type: a.isoCountryCode ? "Alpha sender (destination)" : "Alpha sender (service-wide)",
      country: a.isoCountryCode || "All",
      capabilities: "SMS",
      mps: effectiveMps("alpha", a.mps),
      added: a.createdAt,
      notes: a.isoCountryCode ? alphaCountryWarnings(a.isoCountryCode) : [],
      carrier: { kind: "alphaSender" as const, carrierSid: a.carrierSid },
    })),
    ...pool.channelSenders.map((c) => ({
      sid: c.sid,
      sender: c.sender,
      type: c.senderType,
      country: c.senderType === "RCS" ? c.countries.join(", ") || "Any" : c.countryCode,
      capabilities: c.senderType,
      mps: effectiveMps(c.senderType === "RCS" ? "rcs" : "whatsapp", c.mps),
      added: c.addedToServiceAt ?? c.createdAt,
      notes: [],
    })),
  ];
  return rows.sort((a, b) => a.added.getTime() - b.added.getTime());
}
