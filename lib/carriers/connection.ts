import type { SenderType } from "@/lib/core/senders/sender-type";
import type { DeliveryOutcome } from "./driver";

/**
 * The contract between a carrier connection (a protocol client: SMPP in
 * lib/carriers/smpp/, the Twilio-compatible HTTP upstream) and the carrier
 * runtime that owns it in a worker process (lib/carriers/runtime/: which
 * carrier sends a message, failover, delivery-report matching, live state).
 * docs/carriers.md describes both sides.
 */

export type BindStateName = "binding" | "bound" | "unbound" | "error";

/** One bind (SMPP) or client (HTTP) of a connection, as shown on the Carriers page (carrier_binds). */
export interface BindState {
  bindIndex: number;
  state: BindStateName;
  lastError?: string;
  lastErrorAt?: Date;
  /** Submits in flight (awaiting their response). */
  windowInUse: number;
  /** Submits waiting for a window slot, a throughput slot or a bind. */
  queueDepth: number;
  /** Submits per second out and deliver_sm (reports and MO) per second in, over the last few seconds. */
  mpsOut: number;
  mpsIn: number;
  reconnects: number;
  lastReportAt?: Date;
}

export interface ConnectionSubmit {
  messageSid: string;
  from: string;
  senderKind: SenderType;
  to: string;
  /** The text to send, Smart Encoding already applied. */
  body: string;
  /** Media to send (MMS): an HTTP upstream passes them on as MediaUrl; SMPP carries text only. */
  mediaUrls?: string[];
  /**
   * Called once per part as soon as the carrier acknowledged it (its message id is known),
   * before `submit` resolves: the runtime records the id durably, so that a report arriving
   * right after the acknowledgement can be matched.
   */
  onPartAccepted?(part: { partIndex: number; partCount: number; carrierMessageId: string }): Promise<void> | void;
}

export type ConnectionSubmitResult =
  | { accepted: true; parts: { carrierMessageId: string }[] }
  | {
      accepted: false;
      /** Temporary (throttled past retries, no bind, queue full): the runtime may fail over. Permanent: never. */
      temporary: boolean;
      /** Twilio error code (30003–30008 family, docs/carriers.md). */
      errorCode: number;
      errorMessage: string;
      /** Parts the carrier had already taken before the refusal (their reports still arrive). */
      partsAccepted: { carrierMessageId: string }[];
    };

/** A delivery report for one part, by the carrier's message id. */
export interface ConnectionReport {
  carrierMessageId: string;
  /** Final outcome; intermediate states (ENROUTE, ACCEPTD) are not reported. */
  status: DeliveryOutcome;
  errorCode?: number;
  /** What the carrier said (stat / err), for the message's trace. */
  detail?: string;
}

/** A mobile-originated message, already reassembled when it came in parts. */
export interface ConnectionInbound {
  from: string;
  to: string;
  body: string;
  receivedAt: Date;
}

export interface CarrierConnectionEvents {
  report: (report: ConnectionReport) => void;
  inbound: (message: ConnectionInbound) => void;
  state: (binds: BindState[]) => void;
}

export interface CarrierConnection {
  readonly carrierSid: string;
  /** Binds / connects, and keeps doing so (reconnect with backoff) until `stop`. */
  start(): void;
  /** Unbinds gracefully; submits still queued are refused as temporary. */
  stop(): Promise<void>;
  binds(): BindState[];
  /** True when at least one bind can take a submit now. */
  isReady(): boolean;
  submit(message: ConnectionSubmit): Promise<ConnectionSubmitResult>;
  on<E extends keyof CarrierConnectionEvents>(event: E, listener: CarrierConnectionEvents[E]): void;
}
