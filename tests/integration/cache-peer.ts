/**
 * Another process for cache-invalidation.test.ts: reads through the same
 * caches the app and workers use, on commands read from stdin (one JSON per
 * line), and answers one JSON line each. Started with DATABASE_URL set.
 */
import { createInterface } from "node:readline";
import { ruleFor } from "@/lib/server/simulator/sim-rules";
import { authenticateCached } from "@/lib/server/api/authenticate-cached";
import { cacheListenerReady } from "@/lib/server/cache/cache-invalidation";
import { loadPool, loadSender } from "@/lib/server/pipeline/pool-cache";

type Command = { id: number } & (
  | { op: "pool"; serviceSid: string }
  | { op: "sender"; accountSid: string; senderSid: string }
  | { op: "auth"; authorization: string }
  | { op: "rule"; accountSid: string; to: string }
);

async function run(cmd: Command): Promise<unknown> {
  switch (cmd.op) {
    case "pool":
      return (await loadPool(cmd.serviceSid)).map((s) => s.sid).sort();
    case "sender":
      return (await loadSender(cmd.accountSid, cmd.senderSid))?.mps ?? null;
    case "auth":
      return authenticateCached({ headers: { get: (n) => (n.toLowerCase() === "authorization" ? cmd.authorization : null) } }).then(
        (p) => p.accountSid,
        () => "refused",
      );
    case "rule":
      return (await ruleFor(cmd.accountSid, cmd.to)).outcome;
  }
}

await cacheListenerReady();
process.stdout.write(JSON.stringify({ ready: true, pid: process.pid }) + "\n");
for await (const line of createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line) as Command;
  const result = await run(cmd).catch((err: unknown) => ({ error: String(err) }));
  process.stdout.write(JSON.stringify({ id: cmd.id, result }) + "\n");
}
process.exit(0);
