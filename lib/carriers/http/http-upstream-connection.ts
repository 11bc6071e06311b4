import { EventEmitter } from "node:events";
import type { TwilioUpstreamSettings } from "@/lib/carriers/carrier-settings";
import type { BindState, BindStateName, CarrierConnection, CarrierConnectionEvents, ConnectionSubmit, ConnectionSubmitResult } from "@/lib/carriers/connection";
import { RateCounter } from "./rate-counter";
import { safeFetch } from "@/lib/server/security/safe-fetch";

/**
 * A carrier that speaks Twilio's REST API: Twilio, SignalWire, Somleng or
 * another Switchyard (docs/carriers.md "HTTP upstream"). Sends with the
 * upstream's `POST …/Messages.json`, the message SID as idempotency key;
 * its status callbacks and inbound webhooks come back to the signed
 * `/carriers/<CR>/…` endpoints (app/carriers), not through this object.
 */
export interface HttpUpstreamOptions {
  carrierSid: string;
  settings: TwilioUpstreamSettings;
  authToken: string;
  /** Where the upstream posts status callbacks: `<PUBLIC_BASE_URL>/carriers/<CR>/StatusCallback`. */
  statusCallbackUrl: string;
  /** Per request (default 10 s). */
  timeoutMs?: number;
}

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Credentials refused: checked again this often (the operator may fix the token on the upstream side). */
const REFUSED_RETRY_MS = 30_000;
const UNKNOWN_ERROR = 30008;

interface UpstreamAnswer {
  status: number;
  body: { sid?: string; code?: number; message?: string; num_segments?: string };
}

export function createHttpUpstreamConnection(opts: HttpUpstreamOptions): CarrierConnection {
  const emitter = new EventEmitter();
  const base = opts.settings.baseUrl.replace(/\/+$/, "");
  const messagesUrl = `${base}/2010-04-01/Accounts/${encodeURIComponent(opts.settings.accountSid)}/Messages.json`;
  const auth = "Basic " + Buffer.from(`${opts.settings.accountSid}:${opts.authToken}`).toString("base64");
  const out = new RateCounter();
  let state: BindStateName = "unbound";
  let lastError: string | undefined;
  let lastErrorAt: Date | undefined;
  let inFlight = 0;
  let reconnects = 0;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  const binds = (): BindState[] => [
    { bindIndex: 0, state, lastError, lastErrorAt, windowInUse: inFlight, queueDepth: 0, mpsOut: out.perSecond(), mpsIn: 0, reconnects },
  ];
  const setState = (next: BindStateName, error?: string) => {
    const changed = next !== state || (error !== undefined && error !== lastError);
    if (error !== undefined) {
      lastError = error;
      lastErrorAt = new Date();
    }
    if (next === "bound" && state !== "bound" && failures > 0) reconnects++;
    state = next;
    if (changed) emitter.emit("state", binds());
  };

  async function post(form: URLSearchParams, headers: Record<string, string> = {}): Promise<UpstreamAnswer> {
    // Every outgoing request goes through the SSRF guard (docs/security.md "Outgoing requests"): an upstream on
    // an internal address must be on SWITCHYARD_WEBHOOK_ALLOW.
    const res = await safeFetch(messagesUrl, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded", accept: "application/json", ...headers },
      body: form.toString(),
      timeoutMs: opts.timeoutMs ?? 10_000,
    });
    const text = res.body;
    let body: UpstreamAnswer["body"] = {};
    try {
      body = JSON.parse(text) as UpstreamAnswer["body"];
    } catch {
      body = { message: text.slice(0, 200) };
    }
    return { status: res.status, body };
  }

  const describe = (a: UpstreamAnswer) => `HTTP ${a.status}${a.body.code ? `, code ${a.body.code}` : ""}${a.body.message ? `: ${a.body.message}` : ""}`;

  /**
   * The credential check: an empty create. Twilio-compatible APIs check auth
   * first (401/403: wrong SID or token) and then answer 400 (To required)
   * without creating anything, so a 400 means the credentials work.
   */
  async function probe(): Promise<void> {
    if (stopped) return;
    let retryMs: number;
    try {
      const a = await post(new URLSearchParams());
      if (a.status === 401 || a.status === 403) {
        failures++;
        setState("error", `upstream refused the credentials of ${opts.settings.accountSid} (${describe(a)})`);
        retryMs = REFUSED_RETRY_MS;
      } else if (a.status >= 500 || a.status === 404) {
        failures++;
        setState("unbound", `upstream answered the credential check with ${describe(a)}`);
        retryMs = RETRY_MS[Math.min(failures - 1, RETRY_MS.length - 1)] as number;
      } else {
        setState("bound");
        failures = 0;
        return;
      }
    } catch (err) {
      failures++;
      setState("unbound", `upstream ${base} unreachable: ${(err as Error).message}`);
      retryMs = RETRY_MS[Math.min(failures - 1, RETRY_MS.length - 1)] as number;
    }
    if (!stopped) timer = setTimeout(() => void probe(), retryMs).unref();
  }

  const refuse = (temporary: boolean, errorCode: number, errorMessage: string): ConnectionSubmitResult => ({ accepted: false, temporary, errorCode, errorMessage, partsAccepted: [] });

  async function submit(m: ConnectionSubmit): Promise<ConnectionSubmitResult> {
    if (state !== "bound") return refuse(true, UNKNOWN_ERROR, `carrier ${opts.carrierSid} is ${state}${lastError ? ` (${lastError})` : ""}`);
    const form = new URLSearchParams({ To: m.to, From: m.from, Body: m.body, StatusCallback: opts.statusCallbackUrl });
    for (const url of m.mediaUrls ?? []) form.append("MediaUrl", url);
    inFlight++;
    out.hit();
    let a: UpstreamAnswer;
    try {
      // The SID is the idempotency key: a re-submit after a worker crash creates nothing new upstream.
      a = await post(form, { "I-Twilio-Idempotency-Token": m.messageSid, "Idempotency-Key": m.messageSid });
    } catch (err) {
      failures++;
      setState("unbound", `upstream ${base} unreachable: ${(err as Error).message}`);
      if (!stopped && !timer) timer = setTimeout(() => { timer = undefined; void probe(); }, RETRY_MS[0]).unref();
      return refuse(true, UNKNOWN_ERROR, `upstream unreachable: ${(err as Error).message}`);
    } finally {
      inFlight--;
    }
    if (a.status >= 200 && a.status < 300 && a.body.sid) {
      await m.onPartAccepted?.({ partIndex: 0, partCount: 1, carrierMessageId: a.body.sid });
      return { accepted: true, parts: [{ carrierMessageId: a.body.sid }] };
    }
    if (a.status === 401 || a.status === 403) {
      failures++;
      setState("error", `upstream refused the credentials of ${opts.settings.accountSid} (${describe(a)})`);
      return refuse(true, UNKNOWN_ERROR, `upstream refused the credentials (${describe(a)})`);
    }
    // Throttled or down: another carrier may take it. Any other refusal is about the message itself.
    if (a.status === 429 || a.status >= 500) return refuse(true, a.body.code ?? UNKNOWN_ERROR, `upstream ${describe(a)}`);
    return refuse(false, a.body.code ?? UNKNOWN_ERROR, `upstream refused the message (${describe(a)})`);
  }

  return {
    carrierSid: opts.carrierSid,
    start() {
      if (!stopped) return;
      stopped = false;
      void probe();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      setState("unbound");
    },
    binds,
    isReady: () => state === "bound",
    submit,
    on<E extends keyof CarrierConnectionEvents>(event: E, listener: CarrierConnectionEvents[E]) {
      emitter.on(event, listener as (...args: unknown[]) => void);
    },
  };
}
