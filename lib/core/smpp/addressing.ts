/**
 * SMPP addresses: TON/NPI per sender type (SmppSettings.addressing) and the
 * number format on the wire. International numbers (TON 1) travel without
 * the "+", as SMPP 3.4 5.2.8 expects; inbound ones get it back.
 */
export interface TonNpi {
  ton: number;
  npi: number;
}

export interface AddressingPlan {
  alpha: TonNpi;
  shortCode: TonNpi;
  international: TonNpi;
  destination: TonNpi;
}

export type SourceKind = "long_code" | "toll_free" | "short_code" | "alpha" | "whatsapp" | "rcs";

export interface SmppAddress extends TonNpi {
  addr: string;
}

export function sourceAddress(from: string, kind: SourceKind, plan: AddressingPlan): SmppAddress {
  const tonNpi = kind === "alpha" ? plan.alpha : kind === "short_code" ? plan.shortCode : plan.international;
  return { ...tonNpi, addr: tonNpi.ton === 1 ? from.replace(/^\+/, "") : from };
}

export function destinationAddress(to: string, plan: AddressingPlan): SmppAddress {
  return { ...plan.destination, addr: plan.destination.ton === 1 ? to.replace(/^\+/, "") : to };
}

/** An inbound address as the rest of Switchyard writes it: E.164 with "+" when international. */
export function inboundAddress(addr: string, ton: number): string {
  if (ton === 1 && /^\d+$/.test(addr)) return `+${addr}`;
  return addr;
}
