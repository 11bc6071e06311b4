/**
 * The part of the `smpp` package (0.5.x, no bundled types) that
 * lib/carriers/smpp uses: a Session over net/tls that frames and encodes PDUs.
 * Response callbacks are NOT called when the socket closes, so the connection
 * keeps its own in-flight table (smpp-bind.ts).
 */
declare module "smpp" {
  import type { EventEmitter } from "node:events";

  /** A decoded PDU: the header plus the command's parameters and TLVs by name. */
  export interface Pdu {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    [param: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): Pdu;
  }

  export interface SessionOptions {
    host?: string;
    port?: number;
    tls?: boolean;
    /** tls.connect options pass through (rejectUnauthorized, ca, servername…). */
    rejectUnauthorized?: boolean;
    auto_enquire_link_period?: number;
  }

  export class Session extends EventEmitter {
    constructor(options: SessionOptions);
    socket: import("node:net").Socket;
    /** Sends a PDU; false when the socket is not writable. */
    send(pdu: Pdu, responseCallback?: (resp: Pdu) => void, sendCallback?: (pdu: Pdu) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
  }

  export const PDU: new (command: string, options?: Record<string, unknown>) => Pdu;

  export function connect(options: SessionOptions, listener?: () => void): Session;
}
