import type { CarrierDriver, CarrierMessage, SubmitResult } from "@/lib/carriers/driver";
import { simulatorDriver } from "@/lib/carriers/simulator/simulator-driver";
import type { CarrierRegistry } from "./carrier-registry";
import { messageOutcome, recordPartAccepted, recordRefused, recordSubmitting } from "./carrier-submissions";
import { currentRegistry } from "./carrier-runtime";
import { senderCarrierSid } from "./sender-carrier";
import { config } from "@/lib/server/config";

/** Twilio's "Unknown error": the code of a message no carrier could take (docs/carriers.md "Failover"). */
export const NO_CARRIER_ERROR = 30008;

/** A carrier that is (re)binding is waited for this long before the next one in the route is tried. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type RouterDriver = CarrierDriver & {
  /** True when handing the same SID off again after a crash cannot send it twice (docs/carriers.md "Failover"). */
  resubmitAfterCrash(message: CarrierMessage): Promise<boolean>;
};

/** A carrier worth waiting for: opened, not refused for good (error), but not bound yet. */
function binding(registry: CarrierRegistry, sid: string): boolean {
  const e = registry.get(sid);
  if (!e) return true; // not loaded by this process yet
  if (!e.connection) return false;
  return e.connection.binds().some((b) => b.state === "binding" || b.state === "unbound");
}

async function waitForAnyReady(registry: CarrierRegistry, sids: readonly string[]): Promise<void> {
  const ready = () => sids.some((s) => registry.get(s)?.connection?.isReady());
  if (ready() || !sids.some((s) => binding(registry, s))) return;
  if (sids.some((s) => !registry.get(s))) await registry.reconcile();
  const end = Date.now() + config().CARRIER_READY_WAIT_MS;
  while (!ready() && Date.now() < end && sids.some((s) => binding(registry, s))) await sleep(50);
}

const describeState = (registry: CarrierRegistry, sid: string): string => {
  const e = registry.get(sid);
  if (!e) return "not loaded";
  if (!e.connection) return `error (${e.error})`;
  const b = e.connection.binds();
  const err = b.find((x) => x.lastError)?.lastError;
  return `${b.map((x) => x.state).join("/") || "no bind"}${err ? ` (${err})` : ""}`;
};

/**
 * The CarrierDriver dispatch uses: picks the carrier of each message
 * (sender's carrier → longest-prefix route → account default; the built-in
 * simulator only for an account with no enabled carrier), fails over down
 * the route on an unbound carrier or a temporary refusal (each carrier at
 * most once, never after a permanent refusal), records the parts it handed
 * off, and names the decision for the message's trace.
 */
export function createRouterDriver(fallback: CarrierDriver = simulatorDriver): RouterDriver {
  const registryFor = (accountSid: string) => {
    const r = currentRegistry();
    return r && r.usesCarriers(accountSid) ? r : null;
  };

  async function submit(m: CarrierMessage): Promise<SubmitResult> {
    const registry = registryFor(m.accountSid);
    if (!registry) return fallback.submit(m);
    const choice = registry.choose(m.accountSid, await senderCarrierSid(m.senderSid), m.to);
    const trace = [...choice.trace];
    if (choice.kind === "simulator") return { ...(await fallback.submit(m)), carrier: { trace } };
    if (choice.kind === "none") return { accepted: false, errorCode: NO_CARRIER_ERROR, errorMessage: `No usable carrier: ${choice.reason}.`, carrier: { trace } };

    await waitForAnyReady(registry, choice.carrierSids);
    const reasons: string[] = [];
    let lastCode = NO_CARRIER_ERROR;
    for (const [i, sid] of choice.carrierSids.entries()) {
      const next = i + 1 < choice.carrierSids.length ? ", next carrier" : "";
      const conn = registry.get(sid)?.connection;
      if (!conn?.isReady()) {
        const why = `${sid} not bound: ${describeState(registry, sid)}`;
        trace.push(`carrier: ${why}${next}`);
        reasons.push(why);
        // Closes the placeholder prepare() wrote for the first carrier (off the hand-off's path).
        if (i === 0) void recordRefused(m.sid, sid, NO_CARRIER_ERROR).catch(() => undefined);
        continue;
      }
      // The first carrier's placeholder was written by prepare(), before the rate slot.
      if (i > 0) await recordSubmitting(m.sid, sid);
      const r = await conn.submit({
        messageSid: m.sid,
        from: m.from,
        senderKind: m.senderKind,
        to: m.to,
        body: m.body,
        mediaUrls: m.mediaUrls,
        onPartAccepted: (part) => recordPartAccepted(m.sid, sid, part).then(() => undefined),
      });
      if (r.accepted) {
        trace.push(`carrier: ${sid} accepted ${r.parts.length} part${r.parts.length === 1 ? "" : "s"} (${r.parts.map((p) => p.carrierMessageId).join(", ")})`);
        // Reports that came with (or before) the acknowledgements: the final status goes with the hand-off.
        const outcome = await messageOutcome(m.sid, sid);
        const report = outcome ? { status: outcome.status, errorCode: outcome.errorCode, afterMs: 0 } : undefined;
        return { accepted: true, report, carrier: { carrierSid: sid, trace } };
      }
      await recordRefused(m.sid, sid, r.errorCode);
      if (!r.temporary) {
        trace.push(`carrier: ${sid} refused: ${r.errorCode} ${r.errorMessage} (permanent, no failover)`);
        return { accepted: false, errorCode: r.errorCode, errorMessage: r.errorMessage, carrier: { carrierSid: sid, trace } };
      }
      trace.push(`carrier: ${sid} refused: ${r.errorCode} ${r.errorMessage} (temporary)${next}`);
      reasons.push(`${sid} refused: ${r.errorMessage}`);
      lastCode = r.errorCode;
    }
    return { accepted: false, errorCode: lastCode, errorMessage: `No usable carrier: ${reasons.join("; ")}.`, carrier: { trace } };
  }

  return {
    name: "carriers",
    async capabilities(accountSid, to) {
      // A real carrier does not say what the handset takes: assume SMS, short codes and MMS (upstreams convert).
      if (registryFor(accountSid)) return { shortCode: true, mms: true, rcs: false };
      return fallback.capabilities(accountSid, to);
    },
    /**
     * Before the rate slot: the sender's carrier is looked up, and the first carrier's
     * carrier_submissions placeholder is written, so that nothing but the submit itself
     * runs between the slot and the carrier (every ms there is rate-limit jitter).
     */
    async prepare(m) {
      const registry = registryFor(m.accountSid);
      if (!registry) return fallback.prepare?.(m);
      const choice = registry.choose(m.accountSid, await senderCarrierSid(m.senderSid), m.to);
      if (choice.kind === "carriers") await recordSubmitting(m.sid, choice.carrierSids[0] as string);
    },
    submit,
    async resubmitAfterCrash(m) {
      const registry = registryFor(m.accountSid);
      if (!registry) return true; // the simulator de-duplicates by SID
      const choice = registry.choose(m.accountSid, await senderCarrierSid(m.senderSid), m.to);
      if (choice.kind !== "carriers") return true;
      // An HTTP upstream de-duplicates by the SID (idempotency key); an SMSC would send it again.
      return choice.carrierSids.every((sid) => registry.get(sid)?.row.type === "twilio");
    },
  };
}
