import type { TwilioError } from "@/lib/core/errors";
import type { ParsedAddress } from "@/lib/core/address/parse-address";

export const SENDER_TYPES = ["long_code", "toll_free", "short_code", "alpha", "whatsapp", "rcs"] as const;
export type SenderType = (typeof SENDER_TYPES)[number];
export type Capability = "SMS" | "MMS";

/** A sender as routing sees it (the scenario file format, and what the server maps its rows to). */
export interface RoutingSender {
  /** Stable id: the sender's SID in the product, any string in scenario files. */
  id: string;
  type: SenderType;
  /** What goes in `from`: E.164, short code digits, alpha ID, `whatsapp:+E164`, `rcs:agent`. */
  address: string;
  /**
   * ISO country. Numbers and WhatsApp senders default to their number's country;
   * an alpha sender without one is the service-wide default; short codes need it.
   */
  country?: string | null;
  /** RCS: countries the agent is approved for. */
  countries?: readonly string[];
  /** Defaults to ["SMS"]. WhatsApp and RCS always carry media; alpha senders never do. */
  capabilities?: readonly Capability[];
}

/** The four selection/content settings of a service (Sender Pool and Content Settings pages). */
export interface ServiceSettings {
  stickySender: boolean;
  areaCodeGeomatch: boolean;
  smartEncoding: boolean;
  mmsConverter: boolean;
}

/** Same values as the database defaults (prisma/schema.prisma, Service model). */
export const DEFAULT_SERVICE_SETTINGS: Readonly<ServiceSettings> = Object.freeze({
  stickySender: true,
  areaCodeGeomatch: true,
  smartEncoding: true,
  mmsConverter: true,
});

/** What is known of the recipient's carrier. Unknown means: short codes and MMS yes, RCS no. */
export interface CarrierInfo {
  shortCode: boolean;
  mms: boolean;
  rcs: boolean;
}

export const DEFAULT_CARRIER: Readonly<CarrierInfo> = Object.freeze({ shortCode: true, mms: true, rcs: false });

export interface RoutingRequest {
  to: string;
  body?: string;
  mediaUrls?: readonly string[];
  /** Explicit From sent together with the service: no automatic selection. */
  from?: string;
  /** RCS only: the SMS/MMS sender used when RCS falls back. */
  fallbackFrom?: string;
}

/** sms covers MMS too: one sticky mapping per (recipient, channel) in {sms, whatsapp}. */
export type StickyChannel = "sms" | "whatsapp";

/** How the message goes out: "mms" is an SMS-channel message with media. */
export type SendChannel = "sms" | "mms" | "whatsapp" | "rcs";

export interface RoutingWarning {
  code: string;
  message: string;
}

export interface StickyChange {
  channel: StickyChannel;
  recipient: string;
  senderId: string;
}

export type SelectResult =
  | {
      ok: true;
      sender: RoutingSender;
      channel: SendChannel;
      recipient: ParsedAddress;
      trace: string[];
      warnings: RoutingWarning[];
      /** Mapping to write after the first send (Sticky Sender on, no valid mapping). */
      stickyWrite?: StickyChange;
      /** A stale mapping that selection dropped; delete it even if the send fails. */
      stickyRemove?: Omit<StickyChange, "senderId">;
      /** True: media goes as links appended to an SMS body (MMS Converter). */
      converted?: boolean;
      /** RCS only: the SMS/MMS sender to fall back to, when there is one. */
      fallback?: RoutingSender;
    }
  | {
      ok: false;
      error: TwilioError;
      trace: string[];
      warnings: RoutingWarning[];
      recipient?: ParsedAddress;
      stickyRemove?: Omit<StickyChange, "senderId">;
    };
