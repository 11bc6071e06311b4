import { afterEach, describe, expect, it } from "vitest";
import type { BindState, ConnectionSubmitResult } from "@/lib/carriers/connection";
import { startSmsc, type Smsc } from "@/tests/smsc/start-smsc";
import { connect, waitBound, waitFor, type Harness } from "./smpp-fixtures";

/* Throttling, a connection dropped mid-window, a report before its submit_sm_resp, bad credentials. */

let smsc: Smsc | undefined;
let h: Harness | undefined;

afterEach(async () => {
  await h?.connection.stop();
  await smsc?.stop();
  h = undefined;
  smsc = undefined;
});

let n = 0;
const msg = (body: string, to = "+447700900001") => ({
  messageSid: `SM${String(++n).padStart(32, "0")}`,
  from: "+15005550006",
  senderKind: "long_code" as const,
  to,
  body,
});

function acceptedOnce(s: Smsc, bodies: string[]): void {
  const accepted = s.submits().filter((r) => r.status === 0);
  for (const body of bodies) {
    const hex = Buffer.from(body, "latin1").toString("hex");
    expect(accepted.filter((r) => r.shortMessage === hex).length, body).toBe(1);
  }
}

describe("SMPP faults against Net::SMPP", () => {
  it.each([
    ["ESME_RTHROTTLED", 0x58],
    ["ESME_RMSGQFUL", 0x14],
  ])("backs off on %s, retries, and every message is accepted exactly once", async (_name, status) => {
    smsc = await startSmsc();
    h = connect(smsc, { windowSize: 10 });
    await waitBound(h);
    await smsc.control({ cmd: "throttle", count: 7, status });
    const bodies = Array.from({ length: 20 }, (_, i) => `throttled ${i}`);
    const results = await Promise.all(bodies.map((b) => h!.connection.submit(msg(b))));
    expect(results.every((r) => r.accepted)).toBe(true);
    expect((await smsc.control({ cmd: "stats" })).throttled).toBe(7);
    acceptedOnce(smsc, bodies);
  });

  it("recovers the full rate once the SMSC accepts again", async () => {
    smsc = await startSmsc();
    h = connect(smsc, { windowSize: 10, throughput: 100_000 });
    await waitBound(h);
    await smsc.control({ cmd: "throttle", ms: 400 });
    const t0 = Date.now();
    await h.connection.submit(msg("first, throttled for 400 ms"));
    const throttledFor = Date.now() - t0;
    expect(throttledFor).toBeGreaterThanOrEqual(350);
    const t1 = Date.now();
    const bodies = Array.from({ length: 300 }, (_, i) => `after ${i}`);
    const pending = bodies.map((b) => h!.connection.submit(msg(b)));
    // The whole window is in use at once again: no reduced window or rate is left over from the throttle.
    expect(h.connection.binds()[0]).toMatchObject({ windowInUse: 10, queueDepth: 290 });
    const results = await Promise.all(pending);
    expect(results.every((r) => r.accepted)).toBe(true);
    // 300 submits at window 10 on loopback: well under a second once the back-off is reset (a bound that
    // leaves room for a loaded machine, yet below the 5 s a pause left at its maximum would take alone).
    expect(Date.now() - t1).toBeLessThan(4000);
  });

  it("refuses as temporary 30001 after the throttle retries run out", async () => {
    smsc = await startSmsc();
    h = connect(smsc, {}, { maxThrottleRetries: 2 });
    await waitBound(h);
    await smsc.control({ cmd: "throttle", count: 100 });
    const result = await h.connection.submit(msg("never accepted"));
    expect(result).toMatchObject({ accepted: false, temporary: true, errorCode: 30001, partsAccepted: [] });
    expect((await smsc.control({ cmd: "stats" })).throttled).toBe(3);
  });

  it("loses nothing when the connection drops mid-window: unanswered submits go again after the reconnect", async () => {
    smsc = await startSmsc();
    h = connect(smsc, { windowSize: 10 });
    await waitBound(h);
    await smsc.control({ cmd: "drop_after", count: 5 });
    const bodies = Array.from({ length: 30 }, (_, i) => `window ${i}`);
    const results = await Promise.all(bodies.map((b) => h!.connection.submit(msg(b))));
    expect(results.every((r) => r.accepted)).toBe(true);
    const records = smsc.submits();
    const dropped = records.filter((r) => r.dropped);
    expect(dropped.length).toBe(1);
    const droppedConn = dropped[0]?.conn;
    // Every message reached the SMSC; a second copy exists only for a submit the SMSC took on the
    // connection that dropped, whose response never reached the client (docs/carriers.md "What can duplicate").
    results.forEach((r, i) => {
      const hex = Buffer.from(bodies[i] ?? "", "latin1").toString("hex");
      const copies = records.filter((x) => x.shortMessage === hex && (x.status === 0 || x.dropped));
      const final = copies.at(-1);
      expect(r.accepted && r.parts[0]?.carrierMessageId).toBe(final?.messageId);
      for (const earlier of copies.slice(0, -1)) expect(earlier.conn).toBe(droppedConn);
    });
    expect(h.connection.binds()[0]?.reconnects).toBeGreaterThanOrEqual(1);
    // Reports of every part arrive, also those accepted before the drop.
    const ids = results.flatMap((r) => (r.accepted ? r.parts.map((p) => p.carrierMessageId) : []));
    await waitFor("30 reports", () => ids.every((id) => h!.reports.some((r) => r.carrierMessageId === id)));
  });

  it("drops a session whose SMSC stops answering, and sends the unanswered submits again", async () => {
    smsc = await startSmsc();
    h = connect(smsc, { windowSize: 5 }, { responseTimeoutMs: 500 });
    await waitBound(h);
    await smsc.control({ cmd: "mute", count: 2 });
    const bodies = Array.from({ length: 6 }, (_, i) => `mute ${i}`);
    const results = await Promise.all(bodies.map((b) => h!.connection.submit(msg(b))));
    expect(results.every((r) => r.accepted)).toBe(true);
    expect(smsc.submits().filter((r) => r.muted).length).toBe(2);
    acceptedOnce(smsc, bodies);
    expect(h.logs.some((l) => l.includes("no submit_sm_resp within 500 ms"))).toBe(true);
  });

  it("emits a report that arrives before its submit_sm_resp, and onPartAccepted before submit resolves", async () => {
    smsc = await startSmsc();
    h = connect(smsc);
    await waitBound(h);
    const events: string[] = [];
    h.connection.on("report", (r) => void events.push(`report ${r.carrierMessageId}`));
    await smsc.control({ cmd: "dlr_first", count: 3 });
    const body = "x".repeat(400);
    const result = await h.connection.submit({ ...msg(body), onPartAccepted: (p) => void events.push(`accepted ${p.carrierMessageId}`) });
    events.push("resolved");
    if (!result.accepted) throw new Error(result.errorMessage);
    expect(result.parts).toHaveLength(3);
    expect(events).toEqual([...result.parts.flatMap((p) => [`report ${p.carrierMessageId}`, `accepted ${p.carrierMessageId}`]), "resolved"]);
  });

  it.each([
    [{ systemId: "test" }, "wrong", "bind refused: ESME_RINVPASWD (invalid password)"],
    [{ systemId: "nobody" }, "secret", "bind refused: ESME_RINVSYSID (invalid system_id)"],
  ])("wrong credentials give an error state naming the cause, and submits fail fast as temporary", async (settings, password, error) => {
    smsc = await startSmsc();
    h = connect(smsc, settings, { password });
    const states: BindState[][] = [];
    h.connection.on("state", (binds) => void states.push(binds));
    const bind = await waitFor("error state", () => h!.connection.binds().find((b) => b.state === "error"));
    expect(bind.lastError).toBe(error);
    // The state event tells the runtime too (carrier_binds), within its 250 ms throttle.
    await waitFor("state event", () => states.some((s) => s[0]?.state === "error" && s[0].lastError === error), 2000);
    expect(bind.lastErrorAt).toBeInstanceOf(Date);
    expect(h.connection.isReady()).toBe(false);
    const t0 = Date.now();
    const result = await h.connection.submit(msg("not sent"));
    expect(Date.now() - t0).toBeLessThan(200);
    expect(result).toEqual({ accepted: false, temporary: true, errorCode: 30008, errorMessage: `no SMPP bind: ${error}`, partsAccepted: [] });
    expect((await smsc.control({ cmd: "stats" })).submits).toBe(0);
  });

  it("counts a connection closed before bind_resp as a failed bind: error state, submits fail fast", async () => {
    smsc = await startSmsc();
    await smsc.control({ cmd: "config", closeOnBind: true });
    h = connect(smsc);
    const bind = await waitFor("error state", () => h!.connection.binds().find((b) => b.state === "error"));
    expect(bind.lastError).toBe("connection closed by the SMSC before bind_resp");
    expect(await h.connection.submit(msg("no bind"))).toMatchObject({ accepted: false, temporary: true, errorCode: 30008 });
    await smsc.control({ cmd: "config", closeOnBind: false });
    await waitBound(h);
    expect(await h.connection.submit(msg("bound again"))).toMatchObject({ accepted: true });
  });

  it("names a refused connection and fails fast; binds once the SMSC is up", async () => {
    smsc = await startSmsc();
    const port = smsc.port;
    await smsc.stop();
    h = connect({ ...smsc, port } as Smsc, {}, { reconnectMinMs: 100, reconnectMaxMs: 100 });
    const bind = await waitFor("error state", () => h!.connection.binds().find((b) => b.state === "error"));
    expect(bind.lastError).toBe("connect failed: ECONNREFUSED");
    const result = await h.connection.submit(msg("no smsc"));
    expect(result).toMatchObject({ accepted: false, temporary: true, errorCode: 30008 });
    smsc = undefined;
  });

  it("stop() refuses queued submits as temporary", async () => {
    smsc = await startSmsc();
    h = connect(smsc, { windowSize: 1, throughput: 5 });
    await waitBound(h);
    const pending: Promise<ConnectionSubmitResult>[] = Array.from({ length: 20 }, (_, i) => h!.connection.submit(msg(`slow ${i}`)));
    await new Promise((r) => setTimeout(r, 100));
    await h.connection.stop();
    const results = await Promise.all(pending);
    const refused = results.filter((r) => !r.accepted);
    expect(refused.length).toBeGreaterThan(10);
    expect(refused.every((r) => !r.accepted && r.temporary)).toBe(true);
    expect(h.connection.binds()[0]?.state).toBe("unbound");
  });
});
