/**
 * Settings of a carrier connection as stored in `carriers.settings` (never a
 * secret: the SMPP password / upstream auth token is `carriers.secret`,
 * encrypted). docs/carriers.md documents each key and its API parameter.
 */

export interface TonNpi {
  ton: number;
  npi: number;
}

export interface SmppSettings {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  systemType: string;
  bindMode: "transceiver" | "transmitter_receiver";
  /** Submits in flight per bind. */
  windowSize: number;
  /** Submits per second per bind. */
  throughput: number;
  /** Binds (transceivers, or transmitter + receiver pairs) held open. */
  binds: number;
  registeredDelivery: boolean;
  enquireLinkSeconds: number;
  /** How long segments are concatenated: UDH with an 8-bit or 16-bit reference, or one PDU with message_payload. */
  concatenation: "udh8" | "udh16" | "message_payload";
  /** Source address TON/NPI per sender type, and the destination's. */
  addressing: {
    alpha: TonNpi;
    shortCode: TonNpi;
    international: TonNpi;
    destination: TonNpi;
  };
}

export interface TwilioUpstreamSettings {
  /** e.g. https://api.twilio.com, or another Switchyard's base URL. */
  baseUrl: string;
  /** The upstream account's SID (the username of its Basic auth). */
  accountSid: string;
}

export type CarrierSettings =
  | ({ type: "smpp" } & SmppSettings)
  | ({ type: "twilio" } & TwilioUpstreamSettings);

export const SMPP_DEFAULTS: Omit<SmppSettings, "host" | "port" | "systemId"> = {
  tls: false,
  systemType: "",
  bindMode: "transceiver",
  windowSize: 10,
  throughput: 100,
  binds: 1,
  registeredDelivery: true,
  enquireLinkSeconds: 30,
  concatenation: "udh8",
  addressing: {
    alpha: { ton: 5, npi: 0 },
    shortCode: { ton: 3, npi: 0 },
    international: { ton: 1, npi: 1 },
    destination: { ton: 1, npi: 1 },
  },
};
