import type { TwilioError } from "../errors";
import type { Channel, ParsedAddress } from "../phone/parse-address";
import type { SenderType } from "../senders/sender-type";


export type Capability = "SMS" | "MMS" | "Voice";

/** A sender in a Messaging Service pool, as the DB layer or a scenario file gives it. */
export interface Sender {
  id: string;
  type: SenderType;
  /** E.164, short code digits, alpha text, `whatsapp:+E164` or `rcs:agent_id`. */
  address: string;
  /**
   * ISO country. Phone numbers: derived from the address when missing.
   * Alpha: present = destination-specific sender, absent = service-wide.
   */
  country?: string;
  /** RCS: countries the agent is approved for. */
  countries?: string[];
  /** Defaults to ["SMS"]. WhatsApp and RCS senders always carry media. */
  capabilities?: Capability[];
  /**
   * US A2P 10DLC registration of a US long code. Missing means registered;
   * `false` only matters when ServiceSettings.enforceUsA2p is on.
   */
  a2pRegistered?: boolean;
}

/** Messaging Service settings the routing core reads. */
export interface ServiceSettings {
  stickySender: boolean;
  areaCodeGeomatch: boolean;
  smartEncoding: boolean;
  mmsConverter: boolean;
  /** Treat US long codes with `a2pRegistered: false` as failing routing validation. */
  enforceUsA2p: boolean;
}

/**
 * Product defaults for a new service (docs/routing.md "Defaults"): every
 * feature on, as the Twilio console creates services; A2P enforcement off
 * because the carrier simulator does not filter unregistered traffic.
 */
export const DEFAULT_SERVICE_SETTINGS: Readonly<ServiceSettings> = Object.freeze({
  stickySender: true,
  areaCodeGeomatch: true,
  smartEncoding: true,
  mmsConverter: true,
  enforceUsA2p: false,
});

/** What is known of the recipient's carrier. */
export interface CarrierInfo {
  shortCodes: boolean;
  mms: boolean;
  rcs: boolean;
}

/** Everyone is assumed to take short codes and MMS, and not RCS (routing-scenarios.md). */
export const DEFAULT_CARRIER: Readonly<CarrierInfo> = Object.freeze({ shortCodes: true, mms: true, rcs: false });

export type StickyChannel = "sms" | "whatsapp";

export interface StickyKey {
  channel: StickyChannel;
  /** Recipient E.164 (no channel prefix). */
  recipient: string;
}

export interface StickyWrite extends StickyKey {
  senderId: string;
}

export type RoutingWarningCode =
  | "alpha_pre_registration_required"
  | "alpha_pre_registration_recommended"
  | "carrier_cannot_receive_mms";

export interface RoutingWarning {
  code: RoutingWarningCode;
  message: string;
}

/** The sender chosen for a message. */
export interface ChosenSender {
  id: string;
  type: SenderType;
  address: string;
  /** False when an explicit From outside the pool (but in the account) was used. */
  inPool: boolean;
}

export interface SelectRequest {
  to: ParsedAddress;
  hasMedia: boolean;
  /** Explicit From: no automatic selection. */
  from?: string;
  /** RCS only: SMS sender to use when RCS falls back. */
  fallbackFrom?: string;
}

export interface SelectSuccess {
  ok: true;
  sender: ChosenSender;
  channel: Channel;
  /** Media goes as a link appended to an SMS (MMS Converter). */
  convertMedia: boolean;
  trace: string[];
  warnings: RoutingWarning[];
  /** Mapping to persist after the first send. */
  stickyWrite?: StickyWrite;
  /** Mapping found invalid: delete it. */
  stickyDelete?: StickyKey;
  /** RCS decisions: the SMS sender to use if RCS fails. */
  fallbackSender?: ChosenSender;
}

export interface SelectFailure {
  ok: false;
  error: TwilioError;
  trace: string[];
  warnings: RoutingWarning[];
  stickyDelete?: StickyKey;
}

export type SelectResult = SelectSuccess | SelectFailure;
