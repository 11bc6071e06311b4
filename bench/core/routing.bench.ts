/**
 * Routing core benchmark (lib/core/routing): decisions/s and latency with a
 * 10,000-sender pool and 1,000,000 sticky mappings, plus the mappings' heap.
 * Run: npm run bench:routing (node --expose-gc --import tsx ...).
 */
import nanp from "@/lib/core/data/nanp-area-codes.json";
import { RoutingPool } from "@/lib/core/routing/pool";
import { selectSender } from "@/lib/core/routing/select-sender";
import { MemoryStickyStore } from "@/lib/core/routing/sticky-store";
import type { RoutingRequest, RoutingSender } from "@/lib/core/routing/types";

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

const usNpas = nanp.areaCodes.filter((a) => a.country === "US").map((a) => a.npa);
const caNpas = nanp.areaCodes.filter((a) => a.country === "CA").map((a) => a.npa);
const pad = (n: number, w: number) => String(n).padStart(w, "0");

// 10,000 senders: 9,000 US + 600 CA long codes over every NPA, 200 toll-free,
// 100 US short codes, 90 GB numbers, 5 alpha, 5 WhatsApp.
const senders: RoutingSender[] = [];
for (let i = 0; i < 9000; i++) senders.push({ id: `PNUS${i}`, type: "long_code", address: `+1${usNpas[i % usNpas.length]}55${pad(i, 5)}`, country: "US", capabilities: ["SMS", "MMS"] });
for (let i = 0; i < 600; i++) senders.push({ id: `PNCA${i}`, type: "long_code", address: `+1${caNpas[i % caNpas.length]}55${pad(i, 5)}`, country: "CA" });
for (let i = 0; i < 200; i++) senders.push({ id: `TF${i}`, type: "toll_free", address: `+1888${pad(2000000 + i, 7)}`, country: "US" });
for (let i = 0; i < 100; i++) senders.push({ id: `SC${i}`, type: "short_code", address: String(50000 + i), country: "US" });
for (let i = 0; i < 90; i++) senders.push({ id: `PNGB${i}`, type: "long_code", address: `+4420718${pad(i, 5)}`, country: "GB" });
for (let i = 0; i < 5; i++) senders.push({ id: `AI${i}`, type: "alpha", address: `ACME${i}`, country: i === 0 ? null : "FR" });
for (let i = 0; i < 5; i++) senders.push({ id: `WA${i}`, type: "whatsapp", address: `whatsapp:+1415666${pad(i, 4)}` });

const t0 = performance.now();
const pool = new RoutingPool(senders);
pool.indexes();
const buildMs = performance.now() - t0;

// 1,000,000 mappings, US/CA recipients, each to a sender of its NPA.
const MAPPINGS = 1_000_000;
const recipients: string[] = [];
const before = heap();
const store = new MemoryStickyStore();
for (let i = 0; i < MAPPINGS; i++) {
  const npa = i % 10 === 0 ? caNpas[i % caNpas.length]! : usNpas[i % usNpas.length]!;
  const r = `+1${npa}${2 + (i % 8)}${pad(i % 1_000_000, 6)}`;
  recipients.push(r);
  store.set("sms", r, i % 10 === 0 ? `PNCA${i % 600}` : `PNUS${i % 9000}`);
}
const mappingBytes = heap() - before;

// Requests: 95% mapped recipients (sticky hits), 5% new recipients (full tier walk).
const REQS = 1 << 16;
const reqs: RoutingRequest[] = [];
for (let i = 0; i < REQS; i++) {
  if (i % 20 === 0) reqs.push({ to: `+1${usNpas[(i * 7) % usNpas.length]}3${pad(i, 6)}`, body: "hi" });
  else reqs.push({ to: recipients[(i * 7919) % MAPPINGS]!, body: "hi" });
}

const ctx = { sticky: store };
let sink = 0;
for (let i = 0; i < 200_000; i++) sink += selectSender(pool, reqs[i & (REQS - 1)]!, ctx).trace.length; // warm-up

const BATCH = 64;
const BATCHES = 40_000;
const perCall = new Float64Array(BATCHES);
const start = process.hrtime.bigint();
let k = 0;
for (let b = 0; b < BATCHES; b++) {
  const s = process.hrtime.bigint();
  for (let j = 0; j < BATCH; j++) sink += selectSender(pool, reqs[k++ & (REQS - 1)]!, ctx).trace.length;
  perCall[b] = Number(process.hrtime.bigint() - s) / BATCH;
}
const totalNs = Number(process.hrtime.bigint() - start);
const decisions = BATCH * BATCHES;

const SINGLES = 100_000;
const single = new Float64Array(SINGLES);
for (let i = 0; i < SINGLES; i++) {
  const req = reqs[(i * 13) & (REQS - 1)]!;
  const s = process.hrtime.bigint();
  sink += selectSender(pool, req, ctx).trace.length;
  single[i] = Number(process.hrtime.bigint() - s);
}

const pct = (a: Float64Array, p: number) => {
  const sorted = Float64Array.from(a).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;

console.log(`routing bench (node ${process.version}, ${senders.length} senders, ${store.size("sms")} sticky mappings, sink ${sink % 10})`);
console.log(`pool index build:        ${buildMs.toFixed(1)} ms`);
console.log(`decisions/s:             ${Math.round(decisions / (totalNs / 1e9)).toLocaleString("en-US")} (${decisions.toLocaleString("en-US")} decisions, 95% sticky hits)`);
console.log(`latency, batches of 64:  p50 ${us(pct(perCall, 50))}  p99 ${us(pct(perCall, 99))}  per call`);
console.log(`latency, single calls:   p50 ${us(pct(single, 50))}  p99 ${us(pct(single, 99))}  (includes ~hrtime overhead)`);
console.log(`mapping heap:            ${(mappingBytes / 1024 / 1024).toFixed(1)} MB for ${MAPPINGS.toLocaleString("en-US")} mappings${gc ? "" : " (run with --expose-gc for an exact figure)"}`);
