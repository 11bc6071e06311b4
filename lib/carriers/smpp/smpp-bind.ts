import type { ConnectionOptions } from "node:tls";
import { PDU, Session, type Pdu, type SessionOptions } from "smpp";
import { describeStatus } from "@/lib/core/smpp/command-status";
import type { SmppSettings } from "../carrier-settings";
import type { BindState, BindStateName } from "../connection";
import { RateWindow } from "./rate-window";

/**
 * One bind of an SMPP connection: a transceiver session, or a transmitter and
 * a receiver session that live and die together. It connects, binds, keeps
 * the link alive (enquire_link), reconnects with exponential backoff, and
 * tracks its own submits in flight, because the `smpp` package forgets a
 * request's callback when the socket closes. docs/carriers.md "SMPP".
 */

export interface InFlight<J> {
  job: J;
  sentAt: number;
}

export interface BindHooks<J> {
  /** The state changed (bound, unbound, error…). */
  onState(): void;
  /** A window or throughput slot may be free: dispatch. */
  onReady(): void;
  onSubmitResp(job: J, resp: Pdu, bind: SmppBind<J>): void;
  /** Submits that were sent but got no response before the session ended. */
  onLost(jobs: J[]): void;
  /** A deliver_sm arrived; call `respond(status)` once it is handled. */
  onDeliver(pdu: Pdu, respond: (status: number) => void): void;
  log(message: string, fields?: Record<string, unknown>): void;
}

export type SmppTlsOptions = Pick<ConnectionOptions, "ca" | "cert" | "key" | "servername" | "rejectUnauthorized">;

export interface BindTuning {
  reconnectMinMs: number;
  reconnectMaxMs: number;
  /** A submit without a response for this long means the link is dead: the session is dropped. */
  responseTimeoutMs: number;
  now(): number;
  tlsOptions?: SmppTlsOptions;
}

type SessionRole = "transceiver" | "transmitter" | "receiver";

export class SmppBind<J> {
  state: BindStateName = "unbound";
  lastError?: string;
  lastErrorAt?: Date;
  reconnects = 0;
  /** The last connect or bind attempt failed (refused, bad credentials): submits fail fast. */
  failed = false;
  readonly inFlight = new Map<number, InFlight<J>>();
  /** No submits before this time (throttle back-off). */
  pausedUntil = 0;
  throttleBackoffMs = 0;
  readonly out = new RateWindow();
  readonly in = new RateWindow();
  lastReportAt?: Date;

  private tx?: Session;
  private sessions: Session[] = [];
  private generation = 0;
  private stopping = false;
  private reconnectDelay: number;
  private reconnectTimer?: NodeJS.Timeout;
  private tickTimer?: NodeJS.Timeout;
  private enquirePending = false;
  private lastEnquireAt = 0;
  private tokens: number;
  private tokensAt = 0;

  constructor(
    readonly index: number,
    private readonly settings: SmppSettings,
    private readonly password: string,
    private readonly hooks: BindHooks<J>,
    private readonly tuning: BindTuning,
  ) {
    this.reconnectDelay = tuning.reconnectMinMs;
    this.tokens = this.bucketSize();
  }

  start(): void {
    this.stopping = false;
    this.connect();
  }

  /** True when a submit can go out now on this bind. */
  canSend(now: number): boolean {
    if (this.state !== "bound" || !this.tx || this.inFlight.size >= this.settings.windowSize || now < this.pausedUntil) return false;
    this.refill();
    return this.tokens >= 1;
  }

  /** When this bind may next have a throughput slot (for the dispatch timer), or undefined if it waits for something else. */
  nextSlotAt(now: number): number | undefined {
    if (this.state !== "bound" || this.inFlight.size >= this.settings.windowSize) return undefined;
    if (now < this.pausedUntil) return this.pausedUntil;
    this.refill();
    if (this.tokens >= 1) return now;
    return now + ((1 - this.tokens) * 1000) / this.settings.throughput;
  }

  send(job: J, fields: Record<string, unknown>): boolean {
    const session = this.tx;
    if (!session) return false;
    const pdu = new PDU("submit_sm", fields);
    const ok = session.send(pdu, (resp) => {
      const entry = this.inFlight.get(pdu.sequence_number);
      if (!entry) return;
      this.inFlight.delete(pdu.sequence_number);
      this.hooks.onSubmitResp(entry.job, resp, this);
    });
    if (!ok) return false;
    this.tokens -= 1;
    this.inFlight.set(pdu.sequence_number, { job, sentAt: this.tuning.now() });
    this.out.add(this.tuning.now());
    return true;
  }

  /** After ESME_RTHROTTLED / RMSGQFUL: pause this bind, doubling the pause while the SMSC keeps refusing. */
  throttled(): void {
    const now = this.tuning.now();
    // Refusals of submits sent before the pause began belong to the same burst: they do not lengthen it.
    if (now < this.pausedUntil) return;
    this.throttleBackoffMs = Math.min(Math.max(this.throttleBackoffMs * 2, 100), 5000);
    this.pausedUntil = now + this.throttleBackoffMs;
  }

  /** A submit was accepted: the SMSC takes the full rate again. */
  accepted(): void {
    this.throttleBackoffMs = 0;
  }

  snapshot(queueDepth: number): BindState {
    const now = this.tuning.now();
    const state: BindState = {
      bindIndex: this.index,
      state: this.state,
      windowInUse: this.inFlight.size,
      queueDepth,
      mpsOut: this.out.perSecond(now),
      mpsIn: this.in.perSecond(now),
      reconnects: this.reconnects,
    };
    if (this.lastError !== undefined) state.lastError = this.lastError;
    if (this.lastErrorAt !== undefined) state.lastErrorAt = this.lastErrorAt;
    if (this.lastReportAt !== undefined) state.lastReportAt = this.lastReportAt;
    return state;
  }

  /** Unbinds (waiting up to `graceMs` for the SMSC's unbind_resp) and stops reconnecting. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.reconnectTimer);
    const sessions = [...this.sessions];
    await Promise.all(
      sessions.map(
        (s) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              s.destroy();
              resolve();
            }, graceMs);
            s.once("close", () => {
              clearTimeout(timer);
              resolve();
            });
            if (this.state === "bound" && s.send(new PDU("unbind"), () => s.close())) return;
            s.destroy();
          }),
      ),
    );
    this.teardown(this.generation, undefined);
  }

  private bucketSize(): number {
    return Math.max(1, Math.min(this.settings.windowSize, Math.ceil(this.settings.throughput / 20)));
  }

  /** Token bucket on the monotonic sub-millisecond clock: Date.now() would leave a bind idle until the next millisecond. */
  private refill(): void {
    const now = performance.now();
    if (this.tokensAt === 0) this.tokensAt = now;
    const size = this.bucketSize();
    this.tokens = Math.min(size, this.tokens + ((now - this.tokensAt) * this.settings.throughput) / 1000);
    this.tokensAt = now;
  }

  private setState(state: BindStateName, error?: string): void {
    this.state = state;
    if (error !== undefined) {
      this.lastError = error;
      this.lastErrorAt = new Date(this.tuning.now());
    }
    this.hooks.onState();
  }

  private connect(): void {
    const generation = ++this.generation;
    this.setState("binding");
    const roles: SessionRole[] = this.settings.bindMode === "transceiver" ? ["transceiver"] : ["transmitter", "receiver"];
    let bound = 0;
    this.sessions = roles.map((role) => {
      // The package hands these options to net.connect / tls.connect as they are.
      const session = new Session({
        host: this.settings.host,
        port: this.settings.port,
        tls: this.settings.tls,
        ...(this.settings.tls ? this.tuning.tlsOptions : {}),
      } as SessionOptions);
      const onOpen = () => {
        // Request/response over a window: Nagle's algorithm would hold back a lone submit_sm.
        session.socket.setNoDelay(true);
        const bind = new PDU(`bind_${role}`, {
          system_id: this.settings.systemId,
          password: this.password,
          system_type: this.settings.systemType,
          interface_version: 0x34,
        });
        session.send(bind, (resp) => {
          if (generation !== this.generation) return;
          if (resp.command_status !== 0) {
            this.failed = true;
            this.teardown(generation, `bind refused: ${describeStatus(resp.command_status)}`);
            return;
          }
          if (++bound < roles.length) return;
          this.failed = false;
          this.reconnectDelay = this.tuning.reconnectMinMs;
          this.tokens = this.bucketSize();
          this.tokensAt = performance.now();
          this.setState("bound");
          this.hooks.log("smpp bound", { bind: this.index, mode: this.settings.bindMode });
          this.startTicks(generation);
          this.hooks.onReady();
        });
      };
      session.on(this.settings.tls ? "secureConnect" : "connect", onOpen);
      session.on("pdu", (pdu: Pdu) => this.onPdu(session, pdu, generation));
      session.on("error", (err: Error & { code?: string }) => {
        if (generation !== this.generation) return;
        if (this.state === "binding") this.failed = true;
        this.teardown(generation, `${this.state === "binding" ? "connect failed" : "connection error"}: ${err.code ?? err.message}`);
      });
      session.on("close", () => {
        if (generation !== this.generation || this.stopping) return this.teardown(generation, undefined);
        // Closed before the bind was answered (e.g. an address the SMSC does not allow): a failed attempt.
        if (this.state === "binding") this.failed = true;
        this.teardown(generation, this.state === "binding" ? "connection closed by the SMSC before bind_resp" : "connection closed by the SMSC");
      });
      if (role !== "receiver") this.tx = session;
      return session;
    });
  }

  private onPdu(session: Session, pdu: Pdu, generation: number): void {
    if (generation !== this.generation) return;
    switch (pdu.command) {
      case "deliver_sm": {
        const now = this.tuning.now();
        this.in.add(now);
        if ((Number(pdu.esm_class ?? 0) & 0x3c) !== 0) this.lastReportAt = new Date(now);
        let answered = false;
        this.hooks.onDeliver(pdu, (status) => {
          if (answered) return;
          answered = true;
          session.send(pdu.response({ command_status: status }));
        });
        return;
      }
      case "enquire_link":
        session.send(pdu.response());
        return;
      case "unbind":
        session.send(pdu.response(), undefined, () => session.close());
        return;
      case "data_sm":
      case "alert_notification":
      case "outbind":
        if (!pdu.isResponse()) session.send(new PDU("generic_nack", { sequence_number: pdu.sequence_number, command_status: 0x03 }));
        return;
      default:
        return;
    }
  }

  /** Enquire links and the response timeout, once a second while bound. */
  private startTicks(generation: number): void {
    clearInterval(this.tickTimer);
    this.lastEnquireAt = this.tuning.now();
    this.enquirePending = false;
    this.tickTimer = setInterval(() => {
      if (generation !== this.generation || this.state !== "bound") return;
      const now = this.tuning.now();
      for (const { sentAt } of this.inFlight.values()) {
        if (now - sentAt > this.tuning.responseTimeoutMs) {
          this.dropSessions(generation, `no submit_sm_resp within ${this.tuning.responseTimeoutMs} ms`);
          return;
        }
      }
      if (now - this.lastEnquireAt < this.settings.enquireLinkSeconds * 1000) return;
      if (this.enquirePending) {
        this.dropSessions(generation, "no enquire_link_resp");
        return;
      }
      this.lastEnquireAt = now;
      this.enquirePending = true;
      for (const s of this.sessions) s.send(new PDU("enquire_link"), () => (this.enquirePending = false));
      this.hooks.onReady();
    }, 1000);
    this.tickTimer.unref?.();
  }

  private dropSessions(generation: number, why: string): void {
    this.hooks.log("smpp link dropped", { bind: this.index, why });
    this.teardown(generation, why);
  }

  /** Ends a generation once: closes its sessions, hands back submits in flight, schedules the reconnect. */
  private teardown(generation: number, error: string | undefined): void {
    if (generation !== this.generation) return;
    this.generation++;
    clearInterval(this.tickTimer);
    for (const s of this.sessions) s.destroy();
    this.sessions = [];
    this.tx = undefined;
    const lost = [...this.inFlight.values()].sort((a, b) => a.sentAt - b.sentAt).map((e) => e.job);
    this.inFlight.clear();
    this.setState(this.failed ? "error" : "unbound", error);
    if (error) this.hooks.log("smpp unbound", { bind: this.index, error });
    if (lost.length > 0) this.hooks.onLost(lost);
    if (this.stopping) return;
    this.reconnects++;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, this.tuning.reconnectMaxMs);
    this.reconnectTimer = setTimeout(() => {
      if (!this.stopping) this.connect();
    }, delay);
  }
}
