/**
 * npm run bench:carriers — the send pipeline end to end through a real SMSC
 * (Debian's Net::SMPP, tests/smsc/net-smpp-smsc.pl) over SMPP
 * (docs/performance.md "Carriers"). One process runs the workers (the carrier
 * runtime binds the SMSC) and creates the messages with createMessage (what
 * POST Messages.json calls), a third of them 3 segments long. Checks:
 *  - no sender goes above its MPS limit: per sender, the busiest 1-second
 *    window of its hand-offs (the `sending` event: when dispatch called the
 *    carrier) must stay within the limit; the same window at the SMSC (when
 *    it read each message's first submit_sm) is reported next to it, with
 *    the hand-off → SMSC delay, and warned about when above the limit;
 *  - every part's delivery report maps to its message, none lost: every
 *    carrier_submissions row final, none pending, as many parts as the SMSC
 *    accepted, every message `delivered` (or `undelivered` where a rule
 *    says so) exactly once.
 * Own database (switchyard_bench_carriers), SMSC ports 27800-27849.
 * Environment: BENCH_SHORT_CODES (2, 100 mps), BENCH_SC_MESSAGES (600 per
 * short code), BENCH_LONG_CODES (3, 1 mps), BENCH_LC_MESSAGES (6 per long
 * code), BENCH_BINDS (2), BENCH_WINDOW (50).
 */
import { randomBytes } from "node:crypto";
import { SMPP_DEFAULTS } from "@/lib/carriers/carrier-settings";
import { freshTestDatabase } from "@/lib/server/db/test-database";
import { startSmsc } from "@/tests/smsc/start-smsc";

const SHORT_CODES = Number(process.env.BENCH_SHORT_CODES ?? 2);
const SC_MESSAGES = Number(process.env.BENCH_SC_MESSAGES ?? 600);
const LONG_CODES = Number(process.env.BENCH_LONG_CODES ?? 3);
const LC_MESSAGES = Number(process.env.BENCH_LC_MESSAGES ?? 6);
const SHORT_MPS = 100;
const LONG_MPS = 1;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number) : 0;
};

/** Most events inside any 1-second window (times in ms, any order). */
function busiestSecond(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while ((t[i] as number) - (t[j] as number) >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function main() {
  process.env.DATABASE_URL = await freshTestDatabase("bench_carriers");
  process.env.SECRETS_KEY ??= randomBytes(16).toString("hex");
  process.env.PUBLIC_BASE_URL ??= "http://127.0.0.1:3500";
  const { db } = await import("@/lib/server/db/client");
  const { newSid } = await import("@/lib/server/ids");
  const { sealSecret, carrierSecretPurpose } = await import("@/lib/server/secrets/secret-box");
  const { startPipelineWorkers } = await import("@/lib/server/pipeline/start-workers");
  const { createMessage } = await import("@/lib/server/services/messages/create-message");

  const smsc = await startSmsc({ portRange: [27800, 27849], accounts: { bench: "secret" } });
  await smsc.control({ cmd: "rule", prefix: "1415555099", stat: "UNDELIV", err: "001" });
  const account = { sid: newSid("AC"), authToken: randomBytes(16).toString("hex") };
  await db.account.create({ data: { sid: account.sid, friendlyName: "bench carriers", authToken: account.authToken } });
  const carrierSid = newSid("CR");
  const settings = { type: "smpp", ...SMPP_DEFAULTS, host: smsc.host, port: smsc.port, systemId: "bench", binds: Number(process.env.BENCH_BINDS ?? 2), windowSize: Number(process.env.BENCH_WINDOW ?? 50), throughput: 1000 };
  await db.carrier.create({ data: { sid: carrierSid, accountSid: account.sid, friendlyName: "bench smsc", type: "smpp", isDefault: true, settings: JSON.parse(JSON.stringify(settings)) as object, secret: sealSecret("secret", carrierSecretPurpose(carrierSid)) } });
  const senders: { from: string; mps: number; count: number }[] = [];
  for (let i = 0; i < SHORT_CODES; i++) {
    const code = String(50000 + i);
    await db.shortCode.create({ data: { sid: newSid("SC"), accountSid: account.sid, shortCode: code, isoCountry: "US" } });
    senders.push({ from: code, mps: SHORT_MPS, count: SC_MESSAGES });
  }
  for (let i = 0; i < LONG_CODES; i++) {
    const phone = `+1628555${String(1000 + i)}`;
    await db.phoneNumber.create({ data: { sid: newSid("PN"), accountSid: account.sid, phoneNumber: phone, friendlyName: "n", isoCountry: "US", numberType: "local" } });
    senders.push({ from: phone, mps: LONG_MPS, count: LC_MESSAGES });
  }

  const workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL });
  const bound = Date.now();
  while (!(await db.carrierBind.count({ where: { carrierSid, state: "bound" } }))) {
    if (Date.now() - bound > 20_000) throw new Error("the SMSC never bound");
    await new Promise((r) => setTimeout(r, 100));
  }
  const long = "Multi-part benchmark message, segment filler text. ".repeat(7).trim(); // 3 GSM-7 segments
  const jobs: { from: string; to: string; body: string }[] = [];
  let n = 0;
  for (const s of senders) {
    for (let i = 0; i < s.count; i++, n++) {
      // Every 50th message goes to the UNDELIV prefix: its parts' reports must map to it as well.
      const to = n % 50 === 49 ? `+1415555099${n % 10}` : `+1415${String(2000000 + n).padStart(7, "0")}`;
      jobs.push({ from: s.from, to, body: n % 3 === 0 ? `${long} #${n}` : `Short benchmark message #${n}` });
    }
  }
  console.log(`sending ${jobs.length} messages from ${senders.length} senders through ${smsc.host}:${smsc.port} ...`);
  const started = Date.now();
  const created: { sid: string; from: string; to: string; at: number; parts: number }[] = [];
  // Created in batches of 50 concurrent calls: the app submits faster than the limits allow.
  for (let i = 0; i < jobs.length; i += 50) {
    const batch = jobs.slice(i, i + 50);
    const out = await Promise.all(batch.map((j) => createMessage(account.sid, j).then((m) => ({ sid: m.sid, from: j.from, to: j.to, at: Date.now(), parts: j.body.length > 160 ? 3 : 1 }))));
    created.push(...out);
  }
  const createdIn = Date.now() - started;
  const sids = created.map((c) => c.sid);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const open = await db.message.count({ where: { sid: { in: sids }, status: { notIn: ["delivered", "undelivered", "failed"] } } });
    if (open === 0) break;
    if (Date.now() > deadline) throw new Error(`${open} messages still open after 180 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const drained = Date.now() - started;
  await new Promise((r) => setTimeout(r, 2_500)); // late duplicate reports, if any, would show now

  const messages = await db.message.findMany({ where: { sid: { in: sids } }, select: { sid: true, status: true, errorCode: true, updatedAt: true, createdAt: true } });
  const subs = await db.carrierSubmission.findMany({ where: { messageSid: { in: sids } } });
  const pending = await db.carrierPendingReport.count();
  const finalEvents = await db.messageEvent.groupBy({ by: ["messageSid"], where: { messageSid: { in: sids }, status: { in: ["delivered", "undelivered", "failed"] } }, _count: true });
  const accepted = smsc.submits().filter((r) => r.systemId === "bench" && r.status === 0);
  const stats = await smsc.control({ cmd: "stats" });
  const bySmscId = new Map(accepted.map((r) => [r.messageId as string, r]));
  const partsByMessage = new Map<string, number[]>();
  for (const s of subs) {
    const rec = bySmscId.get(s.carrierMessageId ?? "");
    if (!rec) continue;
    const list = partsByMessage.get(s.messageSid) ?? [];
    list[s.partIndex] = rec.t * (rec.t < 1e11 ? 1000 : 1); // the record's t is epoch seconds (fractional) or ms
    partsByMessage.set(s.messageSid, list);
  }
  const fromOf = new Map(created.map((c) => [c.sid, c]));
  // The hand-off: the `sending` event's time is the moment dispatch called the carrier (docs/pipeline.md).
  const sending = await db.messageEvent.findMany({ where: { messageSid: { in: sids }, status: "sending" }, select: { messageSid: true, createdAt: true } });
  const handOff = new Map(sending.map((e) => [e.messageSid, e.createdAt.getTime()]));
  const smscDelay = [...partsByMessage].map(([sid, ts]) => (ts[0] as number) - (handOff.get(sid) ?? 0));
  const perSender = senders.map((s) => {
    const mine = [...partsByMessage].filter(([sid]) => fromOf.get(sid)?.from === s.from);
    const atSmsc = mine.map(([, ts]) => ts[0] as number);
    const atHandOff = mine.map(([sid]) => handOff.get(sid) as number);
    return { from: s.from, mps: s.mps, messages: mine.length, busiestAtHandOff: busiestSecond(atHandOff), busiestAtSmsc: busiestSecond(atSmsc) };
  });
  const expectedParts = created.reduce((a, c) => a + c.parts, 0);
  const undeliveredExpected = created.filter((c) => c.to.startsWith("+1415555099")).length;
  const latency = messages.map((m) => m.updatedAt.getTime() - m.createdAt.getTime());
  const result = {
    messages: created.length,
    parts: { expected: expectedParts, submissions: subs.length, smscAccepted: accepted.length, final: subs.filter((s) => ["delivered", "undelivered", "failed"].includes(s.status)).length, pendingReports: pending, dlrsSent: stats.dlrsSent },
    statuses: Object.fromEntries([...new Set(messages.map((m) => m.status))].map((s) => [s, messages.filter((m) => m.status === s).length])),
    undeliveredExpected,
    messagesWithOneFinalEvent: finalEvents.filter((e) => e._count === 1).length,
    createdInMs: createdIn,
    drainedInMs: drained,
    throughput: { messagesPerSecond: Math.round((created.length / drained) * 1000), partsPerSecond: Math.round((expectedParts / drained) * 1000) },
    createToFinalMs: { p50: pct(latency, 50), p99: pct(latency, 99) },
    handOffToSmscMs: { p50: pct(smscDelay, 50), p99: pct(smscDelay, 99), max: pct(smscDelay, 100) },
    perSender,
  };
  console.log(JSON.stringify(result, null, 2));
  const problems: string[] = [];
  const warnings: string[] = [];
  // The limit is checked where the pipeline applies it (the hand-off) and where the SMSC read the submit_sm;
  // the second also carries the machine's scheduling jitter between the two (handOffToSmscMs).
  for (const s of perSender) {
    if (s.busiestAtHandOff > s.mps) problems.push(`${s.from} handed off ${s.busiestAtHandOff} messages in one second (limit ${s.mps})`);
    if (s.busiestAtSmsc > s.mps) warnings.push(`${s.from}: the SMSC read ${s.busiestAtSmsc} messages in one second (limit ${s.mps})`);
  }
  if (subs.length !== expectedParts || accepted.length !== expectedParts) problems.push(`parts: expected ${expectedParts}, recorded ${subs.length}, SMSC accepted ${accepted.length}`);
  if (result.parts.final !== subs.length || pending) problems.push(`reports: ${subs.length - result.parts.final} parts without a final report, ${pending} pending`);
  if (result.statuses.undelivered !== undeliveredExpected || result.statuses.delivered !== created.length - undeliveredExpected) problems.push(`statuses ${JSON.stringify(result.statuses)}`);
  if (result.messagesWithOneFinalEvent !== created.length) problems.push(`${created.length - result.messagesWithOneFinalEvent} messages without exactly one final status`);
  if (warnings.length) console.log(`WARNING:\n  ${warnings.join("\n  ")}`);
  console.log(problems.length ? `FAILED:\n  ${problems.join("\n  ")}` : "OK: no sender above its limit, every part's report mapped to its message, none lost");
  await workers.stop();
  await smsc.stop();
  await db.$disconnect();
  process.exit(problems.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
