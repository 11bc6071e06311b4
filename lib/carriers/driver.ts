import type { SenderType } from "@/lib/core/senders/sender-type";

/**
 * A carrier connection. The pipeline hands each message over exactly once
 * per SID from its point of view; a driver must treat the message SID as an
 * idempotency key, because a worker that crashes between hand-off and its
 * status write will submit the same SID again.
 */
export interface CarrierMessage {
  sid: string;
  accountSid: string;
  from: string;
  /** Sender type, so a carrier can refuse e.g. a short code the handset cannot receive. */
  senderKind: SenderType;
  to: string;
  body: string;
  mediaUrls: string[];
  /** The sender row (its carrier binding decides the carrier, docs/carriers.md). */
  senderSid?: string;
}

/** What is known of the recipient's carrier, for routing (docs/product.md "Sender selection"). */
export interface RecipientCapabilities {
  shortCode: boolean;
  mms: boolean;
  rcs: boolean;
}

export type DeliveryOutcome = "delivered" | "undelivered" | "failed";

export interface DeliveryReport {
  status: DeliveryOutcome;
  errorCode?: number;
}

export type SubmitResult =
  /** Taken by the carrier (status `sent`). `report`, when known up front (simulator), arrives after `afterMs`. */
  | { accepted: true; report?: DeliveryReport & { afterMs: number }; carrier?: CarrierDecision }
  /** Refused at submit (status `failed`). */
  | { accepted: false; errorCode: number; errorMessage?: string; carrier?: CarrierDecision };

/** Which carrier connection took (or refused) a message and why, for the message row and its routing trace. */
export interface CarrierDecision {
  /** The carrier connection's SID; undefined for the built-in simulator. */
  carrierSid?: string;
  /** One line per step: "sender bound to CR…", "route +44: CR1 unbound, failed over to CR2". */
  trace: string[];
}

export interface CarrierDriver {
  readonly name: string;
  capabilities(accountSid: string, to: string): Promise<RecipientCapabilities>;
  /**
   * Optional: called before the pipeline waits for the sender's rate slot,
   * so that `submit` itself is as short as possible (what a carrier sees is
   * slot + submit latency; jitter there eats into the rate-limit margin).
   */
  prepare?(message: CarrierMessage): Promise<void>;
  submit(message: CarrierMessage): Promise<SubmitResult>;
  /**
   * The crash-recovery rule (docs/reliability.md): a dispatch found this
   * message claimed for hand-off by an attempt that died without writing the
   * carrier's answer, so the carrier may or may not have it. true: handing
   * the same SID off again is safe (the carrier de-duplicates by SID: the
   * simulator, an HTTP upstream taking the SID as its idempotency key);
   * false: a resubmission could reach the handset twice (SMPP), and the
   * message is failed with 30008 instead.
   */
  resubmitAfterCrash(message: CarrierMessage): Promise<boolean>;
}
