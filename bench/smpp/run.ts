/**
 * bench:smpp — submit_sm per second per bind through the SMPP client
 * (lib/carriers/smpp) against the Net::SMPP test SMSC on loopback, at window
 * 1, 10 and 50; then the SMSC's own ceiling, measured with a raw pipelined
 * client (pre-encoded submit_sm, no client logic), so the figures say which
 * side is the bottleneck. docs/performance.md "SMPP" records the results.
 *
 * Env: SMPP_BENCH_SECONDS (5 per row), SMPP_BENCH_PORTS ("27780-27799").
 */
import net from "node:net";
import { PDU } from "smpp";
import { SMPP_DEFAULTS } from "@/lib/carriers/carrier-settings";
import type { ConnectionSubmit } from "@/lib/carriers/connection";
import { createSmppConnection } from "@/lib/carriers/smpp/smpp-connection";
import { startSmsc, type Smsc } from "@/tests/smsc/start-smsc";

const SECONDS = Number(process.env.SMPP_BENCH_SECONDS ?? 5);
const [LOW, HIGH] = (process.env.SMPP_BENCH_PORTS ?? "27780-27799").split("-").map(Number) as [number, number];

interface Row {
  what: string;
  window: number;
  binds: number;
  submits: number;
  seconds: number;
  perSecond: number;
  perBind: number;
  /** CPU time of this (client) process per submit: independent of what else runs on the machine. */
  cpuMicros?: number;
}

const rows: Row[] = [];

async function clientRun(smsc: Smsc, window: number, binds: number, reports: boolean): Promise<void> {
  const connection = createSmppConnection({
    carrierSid: "CRbench",
    settings: {
      ...SMPP_DEFAULTS,
      host: smsc.host,
      port: smsc.port,
      systemId: "test",
      windowSize: window,
      binds,
      throughput: 1_000_000,
      registeredDelivery: reports,
    },
    password: "secret",
  });
  let reportCount = 0;
  connection.on("report", () => void reportCount++);
  connection.start();
  while (connection.binds().some((b) => b.state !== "bound")) await new Promise((r) => setTimeout(r, 10));
  // Closed loop: twice the total window outstanding, so the client never waits for the caller.
  const outstanding = 2 * window * binds;
  const message: ConnectionSubmit = { messageSid: "SMbench", from: "+15005550006", senderKind: "long_code", to: "+447700900001", body: "Your code is 123456" };
  let submits = 0;
  let refused = 0;
  const until = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: outstanding }, async () => {
      while (performance.now() < until) {
        const result = await connection.submit(message);
        if (result.accepted) submits++;
        else refused++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (reports) {
    const deadline = Date.now() + 10_000;
    while (reportCount < submits && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
  await connection.stop();
  if (refused > 0) throw new Error(`${refused} submits refused during the bench`);
  const perSecond = submits / seconds;
  rows.push({
    what: `client${reports ? " + receipts" : ""}`,
    window,
    binds,
    submits,
    seconds: round(seconds, 2),
    perSecond: Math.round(perSecond),
    perBind: Math.round(perSecond / binds),
    cpuMicros: round((cpu.user + cpu.system) / submits, 1),
  });
  if (reports && reportCount < submits) throw new Error(`only ${reportCount} of ${submits} receipts arrived`);
}

/** The SMSC's ceiling: one socket, pre-encoded submit_sm, `window` in flight, no decoding beyond counting responses. */
async function rawRun(smsc: Smsc, window: number): Promise<void> {
  const socket = net.connect({ host: smsc.host, port: smsc.port });
  await new Promise((r) => socket.once("connect", r));
  const bind = new PDU("bind_transceiver", { system_id: "test", password: "secret", interface_version: 0x34 }) as unknown as { toBuffer(): Buffer; sequence_number: number };
  bind.sequence_number = 1;
  socket.write(bind.toBuffer());
  const template = (
    new PDU("submit_sm", {
      source_addr_ton: 1, source_addr_npi: 1, source_addr: "15005550006",
      dest_addr_ton: 1, dest_addr_npi: 1, destination_addr: "447700900001",
      data_coding: 0, short_message: Buffer.from("Your code is 123456"),
    }) as unknown as { toBuffer(): Buffer }
  ).toBuffer();
  // Pre-encoded once; only the sequence number (header octets 12-15) changes.
  const submit = (seq: number) => {
    const pdu = Buffer.from(template);
    pdu.writeUInt32BE(seq, 12);
    return pdu;
  };
  let seq = 1;
  let answered = 0;
  let buffered: Buffer = Buffer.alloc(0);
  const until = performance.now() + SECONDS * 1000;
  let t0 = 0;
  const done = new Promise<void>((resolve) => {
    socket.on("data", (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      let sendMore = 0;
      while (buffered.length >= 16 && buffered.length >= buffered.readUInt32BE(0)) {
        const id = buffered.readUInt32BE(4);
        buffered = buffered.subarray(buffered.readUInt32BE(0));
        if (id === 0x80000009) {
          t0 = performance.now();
          sendMore = window;
        } else if (id === 0x80000004) {
          answered++;
          sendMore++;
        }
      }
      if (performance.now() >= until && t0 > 0) {
        if (answered + window >= seq) resolve();
        return;
      }
      const out: Buffer[] = [];
      for (let i = 0; i < sendMore; i++) out.push(submit(++seq));
      if (out.length) socket.write(Buffer.concat(out));
    });
  });
  await done;
  const seconds = (performance.now() - t0) / 1000;
  socket.destroy();
  const perSecond = answered / seconds;
  rows.push({ what: "raw pipelined (SMSC ceiling)", window, binds: 1, submits: answered, seconds: round(seconds, 2), perSecond: Math.round(perSecond), perBind: Math.round(perSecond) });
}

function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

const smsc = await startSmsc({ portRange: [LOW, HIGH], record: false });
try {
  for (const window of [1, 10, 50]) await clientRun(smsc, window, 1, false);
  await clientRun(smsc, 50, 1, true);
  await clientRun(smsc, 50, 2, false);
  for (const window of [1, 50]) await rawRun(smsc, window);
} finally {
  await smsc.stop();
}

console.log(`\nSMPP client → Net::SMPP SMSC on loopback, ${SECONDS} s per row (submit_sm/s; "per bind" divides by binds)\n`);
console.log("| what | window | binds | submits | seconds | submit_sm/s | per bind | client CPU µs/submit |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.what} | ${r.window} | ${r.binds} | ${r.submits} | ${r.seconds} | ${r.perSecond} | ${r.perBind} | ${r.cpuMicros ?? "—"} |`);
}
