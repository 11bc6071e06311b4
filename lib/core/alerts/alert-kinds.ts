import type { RoutingWarning, RoutingWarningCode } from "@/lib/core/route/types";

export type AlertLevel = "warning" | "notice";

/**
 * How each routing warning is recorded as an alert: a Twilio code (21612 is
 * the code whose documentation covers alphanumeric sender pre-registration;
 * 30006 is the delivery error a carrier without MMS gives) and a level
 * (Twilio's debugger levels: pre-registration *required* is a warning,
 * *recommended* a notice).
 */
export const ALERT_KINDS: Record<RoutingWarningCode, { code: number; level: AlertLevel; preRegistration: boolean }> = {
  alpha_pre_registration_required: { code: 21612, level: "warning", preRegistration: true },
  alpha_pre_registration_recommended: { code: 21612, level: "notice", preRegistration: true },
  carrier_cannot_receive_mms: { code: 30006, level: "warning", preRegistration: false },
};

/** The alert types a user can filter by (one per code). */
export const ALERT_TYPES = [
  { code: 21612, label: "Sender ID pre-registration" },
  { code: 30006, label: "Carrier cannot receive MMS" },
] as const;

export function alertTypeLabel(code: number): string {
  return ALERT_TYPES.find((t) => t.code === code)?.label ?? `Code ${code}`;
}

export interface AlertDraft {
  code: number;
  level: AlertLevel;
  text: string;
  preRegistration: boolean;
}

/** Alerts for a message's routing warnings, before the service's switches are applied. */
export function alertDrafts(warnings: readonly RoutingWarning[], senderAddress: string): AlertDraft[] {
  return warnings.map((w) => {
    const kind = ALERT_KINDS[w.code];
    return { code: kind.code, level: kind.level, preRegistration: kind.preRegistration, text: `${w.message} Sender: ${senderAddress}.` };
  });
}
