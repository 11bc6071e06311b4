import type { Pdu } from "smpp";
import { destinationAddress, sourceAddress } from "@/lib/core/smpp/addressing";
import { describeStatus, isThrottle, mapSubmitStatus } from "@/lib/core/smpp/command-status";
import { addMoPart, expireMoSets, type MoStore } from "@/lib/core/smpp/mo-reassembly";
import { buildSubmitParts, type SubmitPart } from "@/lib/core/smpp/submit-parts";
import type { SmppSettings } from "../carrier-settings";
import type {
  BindState,
  CarrierConnection,
  CarrierConnectionEvents,
  ConnectionSubmit,
  ConnectionSubmitResult,
} from "../connection";
import { classifyDeliverSm } from "./deliver-sm";
import { SmppBind, type SmppTlsOptions } from "./smpp-bind";

/**
 * The SMPP 3.4 client (ESME) behind the CarrierConnection contract
 * (lib/carriers/connection.ts). docs/carriers.md "SMPP" describes settings,
 * encoding, segmentation, throttling, error codes, reports, MO, and which
 * cases can duplicate.
 *
 * Additions to the contract (all optional):
 * - `CreateSmppConnectionOptions` tuning (timeouts, back-offs, clock, TLS options);
 * - a `report` or `inbound` listener may return a promise: the deliver_sm is
 *   acknowledged only when every listener's promise settles, and answered
 *   ESME_RX_T_APPN (the SMSC delivers it again) when one rejects.
 */

export type SmppLog = (message: string, fields?: Record<string, unknown>) => void;

export interface CreateSmppConnectionOptions {
  carrierSid: string;
  settings: SmppSettings;
  password: string;
  log?: SmppLog;
  /** First reconnect delay, doubled per failure up to reconnectMaxMs (default 1 s → 30 s). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** No submit_sm_resp for this long drops the session; its submits are retried (default 30 s). */
  responseTimeoutMs?: number;
  /** A submit not sent within this long (no bind, throttled, queued) is refused as temporary (default 60 s). */
  submitTimeoutMs?: number;
  /** Throttle refusals of one part before it is refused as temporary 30001 (default 20). */
  maxThrottleRetries?: number;
  /** An incomplete concatenated MO is dropped after this long (default 120 s). */
  moTimeoutMs?: number;
  now?: () => number;
  /** Extra TLS options when `settings.tls` (a private CA, a client certificate, the name to verify). */
  tlsOptions?: SmppTlsOptions;
}

interface MessageJob {
  submit: ConnectionSubmit;
  parts: SubmitPart[];
  accepted: { carrierMessageId: string }[];
  deadline: number;
  settled: boolean;
  resolve(result: ConnectionSubmitResult): void;
}

interface PartJob {
  message: MessageJob;
  index: number;
  throttles: number;
}

export function createSmppConnection(opts: CreateSmppConnectionOptions): CarrierConnection {
  return new SmppConnection(opts);
}

class SmppConnection implements CarrierConnection {
  readonly carrierSid: string;
  private readonly settings: SmppSettings;
  private readonly bindList: SmppBind<PartJob>[];
  private readonly listeners: { [E in keyof CarrierConnectionEvents]: CarrierConnectionEvents[E][] } = {
    report: [],
    inbound: [],
    state: [],
  };
  /** Parts waiting for a bind: `retry` (lost or throttled parts, taken first) then `queue` from `head`. */
  private retry: PartJob[] = [];
  private queue: PartJob[] = [];
  private head = 0;
  private readonly mo: MoStore = new Map();
  private reference = Math.floor(Math.random() * 0x10000);
  private started = false;
  private stopped = false;
  private dispatchTimer?: NodeJS.Timeout;
  private dispatchAt = Infinity;
  private sweepTimer?: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly log: SmppLog;
  private readonly submitTimeoutMs: number;
  private readonly maxThrottleRetries: number;
  private readonly moTimeoutMs: number;

  constructor(opts: CreateSmppConnectionOptions) {
    this.carrierSid = opts.carrierSid;
    this.settings = opts.settings;
    this.now = opts.now ?? Date.now;
    const log = opts.log ?? (() => {});
    this.log = (message, fields) => log(message, { carrierSid: opts.carrierSid, ...fields });
    this.submitTimeoutMs = opts.submitTimeoutMs ?? 60_000;
    this.maxThrottleRetries = opts.maxThrottleRetries ?? 20;
    this.moTimeoutMs = opts.moTimeoutMs ?? 120_000;
    const tuning = {
      reconnectMinMs: opts.reconnectMinMs ?? 1000,
      reconnectMaxMs: opts.reconnectMaxMs ?? 30_000,
      responseTimeoutMs: opts.responseTimeoutMs ?? 30_000,
      now: this.now,
      tlsOptions: opts.tlsOptions,
    };
    const hooks = {
      onState: () => this.onBindState(),
      onReady: () => this.dispatch(),
      onSubmitResp: (job: PartJob, resp: Pdu, bind: SmppBind<PartJob>) => this.onSubmitResp(job, resp, bind),
      onLost: (jobs: PartJob[]) => this.requeue(jobs, "connection lost before submit_sm_resp"),
      onDeliver: (pdu: Pdu, respond: (status: number) => void) => this.onDeliver(pdu, respond),
      log: this.log,
    };
    this.bindList = Array.from({ length: Math.max(1, opts.settings.binds) }, (_, i) => new SmppBind<PartJob>(i, opts.settings, opts.password, hooks, tuning));
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    for (const bind of this.bindList) bind.start();
    this.sweepTimer = setInterval(() => this.sweep(), 1000);
    this.sweepTimer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.dispatchTimer);
    for (const job of this.takeQueued()) this.fail(job.message, true, 30008, "SMPP connection stopped before the submit was sent");
    // Submits in flight get a few seconds to be answered before the unbind.
    const until = Date.now() + 5000;
    while (this.bindList.some((b) => b.inFlight.size > 0 && b.state === "bound") && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(this.bindList.map((b) => b.stop(2000)));
    for (const job of this.takeQueued()) this.fail(job.message, true, 30008, "SMPP connection stopped before the submit was answered");
    this.started = false;
  }

  binds(): BindState[] {
    const depth = this.queueDepth();
    return this.bindList.map((b) => b.snapshot(depth));
  }

  isReady(): boolean {
    return this.bindList.some((b) => b.state === "bound");
  }

  on<E extends keyof CarrierConnectionEvents>(event: E, listener: CarrierConnectionEvents[E]): void {
    this.listeners[event].push(listener);
  }

  submit(submit: ConnectionSubmit): Promise<ConnectionSubmitResult> {
    if (this.stopped || !this.started) {
      return Promise.resolve(refused(true, 30008, "SMPP connection is not started", []));
    }
    const unusable = this.unusableReason();
    if (unusable) return Promise.resolve(refused(true, 30008, unusable, []));
    let parts: SubmitPart[];
    try {
      this.reference = (this.reference + 1) & 0xffff;
      parts = buildSubmitParts(submit.body, this.settings.concatenation, this.reference);
    } catch (err) {
      return Promise.resolve(refused(false, 30008, `cannot encode the body: ${(err as Error).message}`, []));
    }
    return new Promise((resolve) => {
      const message: MessageJob = {
        submit,
        parts,
        accepted: [],
        deadline: this.now() + this.submitTimeoutMs,
        settled: false,
        resolve,
      };
      this.queue.push({ message, index: 0, throttles: 0 });
      this.dispatch();
    });
  }

  // --- dispatch ------------------------------------------------------------------

  private queueDepth(): number {
    return this.retry.length + this.queue.length - this.head;
  }

  private nextJob(): PartJob | undefined {
    const retried = this.retry.shift();
    if (retried) return retried;
    if (this.head >= this.queue.length) return undefined;
    const job = this.queue[this.head++];
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return job;
  }

  private takeQueued(): PartJob[] {
    const all = [...this.retry, ...this.queue.slice(this.head)];
    this.retry = [];
    this.queue = [];
    this.head = 0;
    return all;
  }

  /** Sends queued parts on binds with a free window and throughput slot, round-robin. */
  private dispatch(): void {
    if (this.stopped) return;
    let now = this.now();
    let sent = true;
    while (this.queueDepth() > 0 && sent) {
      sent = false;
      for (const bind of this.bindList) {
        if (this.queueDepth() === 0) break;
        if (!bind.canSend(now)) continue;
        const job = this.nextJob();
        if (!job) break;
        if (job.message.settled) {
          sent = true;
          continue;
        }
        if (!bind.send(job, this.submitFields(job))) {
          this.retry.unshift(job);
          continue;
        }
        sent = true;
      }
      now = this.now();
    }
    if (this.queueDepth() > 0) this.scheduleDispatch(now);
    this.emitState();
  }

  /** Wakes dispatch when a throttle pause ends or a throughput token accrues (window slots wake it themselves). */
  private scheduleDispatch(now: number): void {
    let at = Infinity;
    for (const bind of this.bindList) {
      const slot = bind.nextSlotAt(now);
      if (slot !== undefined && slot < at) at = slot;
    }
    if (at === Infinity || at >= this.dispatchAt) return;
    clearTimeout(this.dispatchTimer);
    this.dispatchAt = at;
    this.dispatchTimer = setTimeout(() => {
      this.dispatchAt = Infinity;
      this.dispatch();
    }, Math.max(1, Math.ceil(at - now)));
  }

  private submitFields(job: PartJob): Record<string, unknown> {
    const { submit } = job.message;
    const part = job.message.parts[job.index];
    if (!part) throw new Error("part index out of range");
    const source = sourceAddress(submit.from, submit.senderKind, this.settings.addressing);
    const destination = destinationAddress(submit.to, this.settings.addressing);
    const fields: Record<string, unknown> = {
      service_type: "",
      source_addr_ton: source.ton,
      source_addr_npi: source.npi,
      source_addr: source.addr,
      dest_addr_ton: destination.ton,
      dest_addr_npi: destination.npi,
      destination_addr: destination.addr,
      esm_class: part.esmClass,
      registered_delivery: this.settings.registeredDelivery ? 1 : 0,
      data_coding: part.dataCoding,
      short_message: Buffer.from(part.shortMessage),
    };
    if (part.messagePayload) fields.message_payload = Buffer.from(part.messagePayload);
    return fields;
  }

  // --- responses ---------------------------------------------------------------

  private onSubmitResp(job: PartJob, resp: Pdu, bind: SmppBind<PartJob>): void {
    // A generic_nack answering the submit is a refusal even with status 0 (then: system error).
    const status = resp.command === "submit_sm_resp" || resp.command_status !== 0 ? resp.command_status : 0x08;
    const message = job.message;
    if (status === 0) {
      bind.accepted();
      const carrierMessageId = String(resp.message_id ?? "");
      void this.partAccepted(job, carrierMessageId);
      this.dispatch();
      return;
    }
    if (isThrottle(status)) {
      bind.throttled();
      job.throttles++;
      if (job.throttles > this.maxThrottleRetries) {
        this.fail(message, true, 30001, `throttled past ${this.maxThrottleRetries} retries: ${describeStatus(status)}`);
      } else {
        this.retry.unshift(job);
      }
      this.dispatch();
      return;
    }
    const mapped = mapSubmitStatus(status);
    this.fail(message, mapped.temporary, mapped.errorCode, mapped.message);
    this.dispatch();
  }

  private async partAccepted(job: PartJob, carrierMessageId: string): Promise<void> {
    const message = job.message;
    message.accepted.push({ carrierMessageId });
    try {
      await message.submit.onPartAccepted?.({ partIndex: job.index, partCount: message.parts.length, carrierMessageId });
    } catch (err) {
      // The carrier has the part; only the runtime's record of it failed. It is the runtime's to handle.
      this.log("onPartAccepted failed", { messageSid: message.submit.messageSid, carrierMessageId, error: (err as Error).message });
    }
    if (message.settled) return;
    if (job.index + 1 < message.parts.length) {
      // Later parts go through the queue like new submits, so they keep order behind retried parts.
      this.retry.push({ message, index: job.index + 1, throttles: 0 });
      this.dispatch();
      return;
    }
    message.settled = true;
    message.resolve({ accepted: true, parts: message.accepted });
  }

  private requeue(jobs: PartJob[], why: string): void {
    const live = jobs.filter((j) => !j.message.settled);
    if (live.length === 0) return;
    this.log("retrying submits after reconnect", { count: live.length, why });
    this.retry.unshift(...live);
    if (this.unusableReason()) this.failQueued();
    else this.dispatch();
  }

  private fail(message: MessageJob, temporary: boolean, errorCode: number, errorMessage: string): void {
    if (message.settled) return;
    message.settled = true;
    message.resolve(refused(temporary, errorCode, errorMessage, message.accepted));
  }

  // --- binds' state ------------------------------------------------------------

  /** Why no submit can succeed now: every bind's last attempt failed (bad credentials, refused connection). */
  private unusableReason(): string | undefined {
    if (this.bindList.some((b) => b.state === "bound" || !b.failed)) return undefined;
    const errors = [...new Set(this.bindList.map((b) => b.lastError).filter((e) => e !== undefined))];
    return `no SMPP bind: ${errors.join("; ") || "not bound"}`;
  }

  private failQueued(): void {
    const reason = this.unusableReason();
    if (!reason) return;
    for (const job of this.takeQueued()) this.fail(job.message, true, 30008, reason);
  }

  private onBindState(): void {
    this.failQueued();
    this.emitState();
  }

  private lastStateEmit = 0;
  private stateTimer?: NodeJS.Timeout;

  /** `state` events, at most every 250 ms (dispatch runs per response). */
  private emitState(): void {
    if (this.listeners.state.length === 0 || this.stateTimer) return;
    const wait = Math.max(0, this.lastStateEmit + 250 - this.now());
    this.stateTimer = setTimeout(() => {
      this.stateTimer = undefined;
      this.lastStateEmit = this.now();
      const snapshot = this.binds();
      for (const listener of this.listeners.state) listener(snapshot);
    }, wait);
    this.stateTimer.unref?.();
  }

  /** Once a second: submits past their deadline, incomplete MO sets past theirs. */
  private sweep(): void {
    const now = this.now();
    const expired = (job: PartJob) => job.message.deadline <= now && !job.message.settled;
    const late = [...this.retry, ...this.queue.slice(this.head)].filter(expired);
    for (const job of late) {
      this.fail(job.message, true, 30008, `not sent within ${this.submitTimeoutMs} ms (${this.isReady() ? "queue" : "no SMPP bind"})`);
    }
    if (late.length > 0) {
      this.retry = this.retry.filter((j) => !j.message.settled);
      this.queue = this.queue.slice(this.head).filter((j) => !j.message.settled);
      this.head = 0;
    }
    for (const set of expireMoSets(this.mo, now, this.moTimeoutMs)) {
      this.log("incomplete concatenated MO dropped", { ...set, timeoutMs: this.moTimeoutMs });
    }
  }

  // --- deliver_sm --------------------------------------------------------------

  private onDeliver(pdu: Pdu, respond: (status: number) => void): void {
    let results: unknown[] = [];
    try {
      const what = classifyDeliverSm(pdu);
      if (what.kind === "ignored") {
        this.log("deliver_sm not reported", { why: what.why });
      } else if (what.kind === "report") {
        results = this.listeners.report.map((l) => l(what.report) as unknown);
      } else {
        const text = addMoPart(this.mo, what.part, this.now());
        if (text !== null) {
          const inbound = { from: what.part.from, to: what.part.to, body: text, receivedAt: new Date(this.now()) };
          results = this.listeners.inbound.map((l) => l(inbound) as unknown);
        }
      }
    } catch (err) {
      this.log("deliver_sm handling failed", { error: (err as Error).message });
      respond(0x64);
      return;
    }
    const pending = results.filter((r): r is Promise<unknown> => r instanceof Promise);
    if (pending.length === 0) {
      respond(0);
      return;
    }
    Promise.all(pending).then(
      () => respond(0),
      (err: Error) => {
        this.log("deliver_sm listener failed; asking the SMSC to deliver again", { error: err.message });
        respond(0x64);
      },
    );
  }
}

function refused(temporary: boolean, errorCode: number, errorMessage: string, partsAccepted: { carrierMessageId: string }[]): ConnectionSubmitResult {
  return { accepted: false, temporary, errorCode, errorMessage, partsAccepted: [...partsAccepted] };
}
