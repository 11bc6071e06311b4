import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeBody } from "@/lib/core/encoding/encode-body";
import { startSmsc, type Smsc } from "@/tests/smsc/start-smsc";
import { connect, recordedText, waitBound, waitFor, type Harness } from "./smpp-fixtures";

/* Bind, submit and report against Net::SMPP: GSM-7, UCS-2, three parts, receipts by TLV and by text. */

let smsc: Smsc;
let h: Harness;

beforeAll(async () => {
  smsc = await startSmsc();
  h = connect(smsc);
  await waitBound(h);
});

afterAll(async () => {
  await h?.connection.stop();
  await smsc?.stop();
});

const msg = (to: string, body: string, senderKind: "long_code" | "alpha" | "short_code" = "long_code", from = "+15005550006") => ({
  messageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, "0")}`,
  from,
  senderKind,
  to,
  body,
});

describe("SMPP submit against Net::SMPP", () => {
  it("binds as a transceiver and shows it in the bind state", () => {
    expect(h.connection.binds()).toEqual([expect.objectContaining({ bindIndex: 0, state: "bound", windowInUse: 0 })]);
  });

  it("sends GSM-7 with data_coding 0, the extension table escaped, and gets its report", async () => {
    const accepted: string[] = [];
    const result = await h.connection.submit({
      ...msg("+447700900001", "Hi {there} €5"),
      onPartAccepted: (p) => void accepted.push(p.carrierMessageId),
    });
    expect(result.accepted).toBe(true);
    if (!result.accepted) return;
    expect(result.parts).toHaveLength(1);
    expect(accepted).toEqual([result.parts[0]?.carrierMessageId]);
    const rec = smsc.submits().find((r) => r.messageId === result.parts[0]?.carrierMessageId);
    expect(rec).toMatchObject({ dataCoding: 0, esmClass: 0, sourceAddr: "15005550006", sourceTon: 1, sourceNpi: 1, destAddr: "447700900001", destTon: 1, registeredDelivery: 1 });
    expect(rec?.shortMessage).toBe(Buffer.from("Hi \x1b\x28there\x1b\x29 \x1b\x655").toString("hex"));
    const report = await waitFor("report", () => h.reports.find((r) => r.carrierMessageId === result.parts[0]?.carrierMessageId));
    expect(report).toMatchObject({ status: "delivered" });
  });

  it("sends UCS-2 with data_coding 8", async () => {
    const body = "Привет 😀 مرحبا";
    const result = await h.connection.submit(msg("+447700900002", body));
    if (!result.accepted) throw new Error(result.errorMessage);
    const rec = smsc.submits().find((r) => r.messageId === result.parts[0]?.carrierMessageId);
    expect(rec?.dataCoding).toBe(8);
    expect(recordedText(rec?.shortMessage ?? "", 8, 0)).toBe(body);
  });

  it.each([
    ["GSM-7", "Lorem ipsum dolor sit amet. ".repeat(12).slice(0, 400)],
    ["UCS-2", "Съешь же ещё этих мягких французских булок. ".repeat(4).slice(0, 170)],
  ])("sends a 3-part %s message as 3 submit_sm with one UDH reference, one report per part", async (_n, body) => {
    expect(encodeBody(body).segments).toBe(3);
    const seen: number[] = [];
    const result = await h.connection.submit({ ...msg("+447700900003", body), onPartAccepted: (p) => void seen.push(p.partIndex) });
    if (!result.accepted) throw new Error(result.errorMessage);
    expect(result.parts).toHaveLength(3);
    expect(seen).toEqual([0, 1, 2]);
    const ids = result.parts.map((p) => p.carrierMessageId);
    const recs = ids.map((id) => smsc.submits().find((r) => r.messageId === id));
    const udhs = recs.map((r) => (r?.shortMessage ?? "").slice(0, 12));
    const ref = udhs[0]?.slice(6, 8);
    expect(udhs).toEqual([`050003${ref}0301`, `050003${ref}0302`, `050003${ref}0303`]);
    expect(recs.every((r) => r?.esmClass === 0x40)).toBe(true);
    const text = recs.map((r) => recordedText(r?.shortMessage ?? "", r?.dataCoding ?? 0, r?.esmClass ?? 0)).join("");
    if (recs[0]?.dataCoding === 8) expect(text).toBe(body);
    else expect(text).toBe(body); // ASCII-only GSM text reads back as Latin-1
    const reports = await waitFor("3 reports", () => {
      const got = h.reports.filter((r) => ids.includes(r.carrierMessageId));
      return got.length === 3 && got;
    });
    expect(reports.every((r) => r.status === "delivered")).toBe(true);
  });

  it.each([
    ["udh16", 3, "060804"],
    ["message_payload", 1, ""],
  ] as const)("sends a long message with %s concatenation", async (concatenation, pdus, udhStart) => {
    const other = connect(smsc, { concatenation });
    try {
      await waitBound(other);
      const body = "z".repeat(306);
      const result = await other.connection.submit(msg("+447700900005", body));
      if (!result.accepted) throw new Error(result.errorMessage);
      expect(result.parts).toHaveLength(pdus);
      const recs = result.parts.map((p) => smsc.submits().find((r) => r.messageId === p.carrierMessageId));
      if (concatenation === "message_payload") {
        expect(recs[0]).toMatchObject({ shortMessage: "", messagePayload: Buffer.from(body).toString("hex"), esmClass: 0 });
      } else {
        expect(recs.map((r) => r?.shortMessage.slice(0, 6))).toEqual([udhStart, udhStart, udhStart]);
        expect(recs.map((r) => recordedText(r?.shortMessage ?? "", 0, 0x40)).join("")).toBe(body);
      }
    } finally {
      await other.connection.stop();
    }
  });

  it("keeps to the throughput cap per bind, and spreads submits over the binds", async () => {
    const capped = connect(smsc, { binds: 2, throughput: 40, windowSize: 10 });
    try {
      await waitFor("two binds", () => capped.connection.binds().every((b) => b.state === "bound"));
      const t0 = Date.now();
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => capped.connection.submit(msg("+447700900006", `capped ${i}`))));
      const elapsed = Date.now() - t0;
      expect(results.every((r) => r.accepted)).toBe(true);
      // 2 binds x 40/s = 80/s, after a burst of 2 per bind: (100 - 4) / 80 s.
      expect(elapsed).toBeGreaterThanOrEqual(1150);
      expect(elapsed).toBeLessThan(4000);
      const ids = new Set(results.flatMap((r) => (r.accepted ? r.parts.map((p) => p.carrierMessageId) : [])));
      const conns = smsc.submits().filter((r) => r.messageId && ids.has(r.messageId)).map((r) => r.conn);
      const perConn = [...new Set(conns)].map((c) => conns.filter((x) => x === c).length);
      expect(perConn).toHaveLength(2);
      for (const count of perConn) expect(count).toBeGreaterThanOrEqual(40);
    } finally {
      await capped.connection.stop();
    }
  });

  it("addresses alpha and short-code senders with their TON/NPI", async () => {
    const a = await h.connection.submit(msg("+447700900004", "alpha", "alpha", "ACME"));
    const s = await h.connection.submit(msg("+447700900004", "short", "short_code", "12345"));
    if (!a.accepted || !s.accepted) throw new Error("refused");
    const recA = smsc.submits().find((r) => r.messageId === a.parts[0]?.carrierMessageId);
    const recS = smsc.submits().find((r) => r.messageId === s.parts[0]?.carrierMessageId);
    expect(recA).toMatchObject({ sourceAddr: "ACME", sourceTon: 5, sourceNpi: 0 });
    expect(recS).toMatchObject({ sourceAddr: "12345", sourceTon: 3, sourceNpi: 0 });
  });

  it("maps UNDELIV / REJECTD receipts to undelivered / failed with error codes, by TLV and by text only", async () => {
    await smsc.control({ cmd: "rule", prefix: "4477009001", stat: "UNDELIV", err: "001" });
    await smsc.control({ cmd: "rule", prefix: "4477009002", stat: "REJECTD", err: "000", tlv: false });
    const u = await h.connection.submit(msg("+447700900100", "to an unknown subscriber"));
    const r = await h.connection.submit(msg("+447700900200", "rejected, text-only receipt"));
    if (!u.accepted || !r.accepted) throw new Error("refused");
    const ru = await waitFor("undeliv report", () => h.reports.find((x) => x.carrierMessageId === u.parts[0]?.carrierMessageId));
    const rr = await waitFor("rejectd report", () => h.reports.find((x) => x.carrierMessageId === r.parts[0]?.carrierMessageId));
    expect(ru).toEqual({ carrierMessageId: u.parts[0]?.carrierMessageId, status: "undelivered", errorCode: 30005, detail: "stat:UNDELIV err:001" });
    expect(rr).toEqual({ carrierMessageId: r.parts[0]?.carrierMessageId, status: "failed", errorCode: 30007, detail: "stat:REJECTD err:000" });
  });

  it("maps a permanent submit refusal to a Twilio code, not temporary", async () => {
    await smsc.control({ cmd: "rule", prefix: "4477009003", submitStatus: 0x0b });
    const result = await h.connection.submit(msg("+447700900300", "bad destination"));
    expect(result).toEqual({
      accepted: false,
      temporary: false,
      errorCode: 30005,
      errorMessage: "submit_sm refused: ESME_RINVDSTADR (invalid destination address)",
      partsAccepted: [],
    });
  });
});
