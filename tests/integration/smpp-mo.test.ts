import { afterEach, describe, expect, it } from "vitest";
import { startSmsc, type Smsc } from "@/tests/smsc/start-smsc";
import { connect, waitBound, waitFor, type Harness } from "./smpp-fixtures";

/* Mobile-originated deliver_sm from Net::SMPP: single, concatenated (UDH 8/16-bit, sar_* TLVs), incomplete sets. */

let smsc: Smsc | undefined;
let h: Harness | undefined;

afterEach(async () => {
  await h?.connection.stop();
  await smsc?.stop();
  h = undefined;
  smsc = undefined;
});

async function setup(overrides: Parameters<typeof connect>[1] = {}, options: Parameters<typeof connect>[2] = {}) {
  smsc = await startSmsc();
  h = connect(smsc, overrides, options);
  await waitBound(h);
  return { smsc, h };
}

const LONG_GSM = "This reply is long enough to need three parts on a real network; {braces} and €uro too. ".repeat(4);
const LONG_UCS2 = "Ответ из трёх частей, с эмодзи 😀 и кириллицей. ".repeat(5);

describe("SMPP MO against Net::SMPP", () => {
  it("delivers a single GSM-7 MO with + restored on international numbers", async () => {
    const { smsc, h } = await setup();
    await smsc.control({ cmd: "mo", from: "447700900123", to: "15005550006", text: "STOP {now} €" });
    const got = await waitFor("inbound", () => h.inbound[0]);
    expect(got).toMatchObject({ from: "+447700900123", to: "+15005550006", body: "STOP {now} €" });
    expect(got.receivedAt).toBeInstanceOf(Date);
  });

  it("delivers a UCS-2 MO to a short code", async () => {
    const { smsc, h } = await setup();
    await smsc.control({ cmd: "mo", from: "447700900123", to: "12345", toTon: 3, text: "Привет 😀", coding: 8 });
    expect(await waitFor("inbound", () => h.inbound[0])).toMatchObject({ from: "+447700900123", to: "12345", body: "Привет 😀" });
  });

  it.each([
    ["udh8", 0, LONG_GSM],
    ["udh16", 8, LONG_UCS2],
    ["sar", 0, LONG_GSM],
    ["sar", 8, LONG_UCS2],
  ])("reassembles a 3-part MO (%s, data_coding %s) arriving in reverse order", async (split, coding, text) => {
    const { smsc, h } = await setup();
    await smsc.control({ cmd: "mo", text, coding, split, parts: 3, reverse: true });
    const got = await waitFor("inbound", () => h.inbound[0]);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.inbound).toHaveLength(1);
    expect(got.body).toBe(text);
  });

  it("keeps two interleaved sets apart and drops an incomplete one after the timeout", async () => {
    const { smsc, h } = await setup({}, { moTimeoutMs: 1000 });
    await smsc.control({ cmd: "mo", text: "AAAAAAAAAA", split: "udh8", parts: 2, reference: 5, omit: [2] });
    await smsc.control({ cmd: "mo", text: "BBBBBBBBBB", split: "udh8", parts: 2, reference: 6 });
    expect((await waitFor("inbound", () => h.inbound[0])).body).toBe("BBBBBBBBBB");
    await waitFor("dropped log", () => h.logs.some((l) => l.startsWith("incomplete concatenated MO dropped") && l.includes('"reference":5')), 5000);
    // The missing part now arrives alone: it starts a new set, never completes the dropped one.
    await smsc.control({ cmd: "mo", text: "AAAAAAAAAA", split: "udh8", parts: 2, reference: 5, omit: [1] });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.inbound.map((m) => m.body)).toEqual(["BBBBBBBBBB"]);
  });

  it("receives MO and reports on the receiver of a transmitter + receiver pair", async () => {
    const { smsc, h } = await setup({ bindMode: "transmitter_receiver" });
    await smsc.control({ cmd: "mo", text: "via the receiver" });
    expect((await waitFor("inbound", () => h.inbound[0])).body).toBe("via the receiver");
    const result = await h.connection.submit({ messageSid: "SM1", from: "+15005550006", senderKind: "long_code", to: "+447700900001", body: "hi" });
    if (!result.accepted) throw new Error(result.errorMessage);
    await waitFor("report", () => h.reports.find((r) => r.carrierMessageId === result.parts[0]?.carrierMessageId));
    expect((await smsc.control({ cmd: "stats" })).binds).toBe(2);
  });

  it("asks the SMSC to deliver again when an inbound listener rejects", async () => {
    const { smsc, h } = await setup();
    let failures = 1;
    h.connection.on("inbound", () => (failures-- > 0 ? Promise.reject(new Error("database down")) : Promise.resolve()));
    await smsc.control({ cmd: "mo", text: "retry me" });
    await waitFor("deliver_sm refused", () => h.logs.some((l) => l.includes("asking the SMSC to deliver again")));
    const stats = await smsc.control({ cmd: "stats" });
    expect(stats.deliverSmRefused).toBe(1);
  });
});
