/**
 * The rollup triggers' cost on the send path, A/B on one database at the
 * same moment (docs/performance.md "Messaging Insights"): rounds of N
 * concurrent creates (createMessage, group-committed as in the API) and N
 * concurrent transitions accepted → queued → sending → sent → delivered
 * (transitionMessage, group-committed as in the workers), alternating
 * triggers on and off, so the machine's load hits both alike.
 * `tsx --conditions=react-server bench/insights/send-path.ts [--n 2000] [--rounds 3]`
 */
import { randomBytes } from "node:crypto";
import { freshTestDatabase } from "@/lib/server/db/test-database";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg("--n", 2000);
const ROUNDS = arg("--rounds", 3);
const TRIGGERS = ["messages insight_messages_insert", "messages insight_messages_update", "message_events insight_message_events_insert"];

async function main() {
  process.env.DATABASE_URL = await freshTestDatabase("bench_insights_path");
  const { db } = await import("@/lib/server/db/client");
  const { migrateQueueSchema } = await import("@/lib/server/pipeline/queue-schema");
  const { createMessage } = await import("@/lib/server/services/messages/create-message");
  const { transitionMessage } = await import("@/lib/server/message-state/transition-message");
  await migrateQueueSchema(process.env.DATABASE_URL);
  const accountSid = "AC" + randomBytes(16).toString("hex");
  const serviceSid = "MG" + randomBytes(16).toString("hex");
  await db.account.create({ data: { sid: accountSid, friendlyName: "send path", authToken: "x".repeat(32) } });
  await db.service.create({ data: { sid: serviceSid, accountSid, friendlyName: "svc" } });
  const pn = "PN" + randomBytes(16).toString("hex");
  await db.phoneNumber.create({ data: { sid: pn, accountSid, phoneNumber: "+14155550123", friendlyName: "n", isoCountry: "US", numberType: "local", serviceSid, addedToServiceAt: new Date() } });

  const setTriggers = async (on: boolean) => {
    for (const t of TRIGGERS) {
      const [table, name] = t.split(" ");
      await db.$executeRawUnsafe(`ALTER TABLE ${table} ${on ? "ENABLE" : "DISABLE"} TRIGGER ${name}`);
    }
  };
  const results: Record<string, { create: number[]; transition: number[] }> = { on: { create: [], transition: [] }, off: { create: [], transition: [] } };
  let k = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of round % 2 ? ["off", "on"] : ["on", "off"]) {
      await setTriggers(mode === "on");
      let t = performance.now();
      const msgs = await Promise.all(
        Array.from({ length: N }, () => createMessage(accountSid, { to: `+1646${200 + (k % 700)}${String(k++ % 10_000).padStart(4, "0")}`, messagingServiceSid: serviceSid, body: "path" })),
      );
      results[mode]!.create.push((N / (performance.now() - t)) * 1000);
      t = performance.now();
      await Promise.all(msgs.map((m) => transitionMessage(m.sid, ["accepted"], ["queued", "sending", "sent", "delivered"], { from: "+14155550123", senderSid: pn, markSent: true })));
      results[mode]!.transition.push((N / (performance.now() - t)) * 1000);
      // The dispatch jobs the creates queued are not run here.
      await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
    }
  }
  await setTriggers(true);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(`${N} messages per round, ${ROUNDS} rounds each, alternating (median of rounds, messages per second):`);
  for (const phase of ["create", "transition"] as const) {
    const on = med(results.on![phase]);
    const off = med(results.off![phase]);
    console.log(`${phase.padEnd(11)} triggers on ${on.toFixed(0).padStart(6)}/s  off ${off.toFixed(0).padStart(6)}/s  ratio ${(on / off).toFixed(2)}  (on: ${results.on![phase].map((x) => x.toFixed(0)).join(", ")}; off: ${results.off![phase].map((x) => x.toFixed(0)).join(", ")})`);
  }
  await db.$disconnect();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
