/**
 * Test SMSC: Debian's Net::SMPP (libnet-smpp-perl) driven by
 * tests/smsc/net-smpp-smsc.pl, an SMSC this project's SMPP client did not
 * write. Install it with scripts/ensure-smsc.sh.
 *
 *   const smsc = await startSmsc({ portRange: [27750, 27799] });
 *   // bind to 127.0.0.1:smsc.port as system_id "test", password "secret"
 *   await smsc.control({ cmd: "throttle", count: 5 });
 *   const received = await smsc.submits();
 *   await smsc.stop();
 *
 * Options: portRange (two consecutive ports are taken: SMPP, control),
 * accounts ({ systemId: password }, default { test: "secret" }), record
 * (default true: every submit_sm to a JSON-lines file, `recordPath`),
 * dlrDelayMs (default 0).
 *
 * Control commands (`control()` sends one, answers `{ ok, ... }`):
 * - `{cmd:"stats"}` → submits, accepted, refused, throttled, dropped, binds,
 *   bindRefused, bound, connections, dlrsSent, dlrsPending, mosSent, deliverSmResps,
 *   deliverSmRefused (answered with an error: queued for the next receiver bind),
 *   redelivered (unacknowledged when their connection closed: sent again), muted
 * - `{cmd:"config", dlrDelayMs?, dlrTlv?, closeOnBind?}` receipt delay; whether
 *   receipts carry receipted_message_id + message_state (else only the text
 *   format); close connections on bind without answering
 * - `{cmd:"rule", prefix, stat?, err?, delayMs?, submitStatus?, tlv?}` by
 *   destination_addr prefix (longest wins, as sent: no "+"): receipt stat
 *   (DELIVRD, UNDELIV, REJECTD, EXPIRED…) and err ("001"), or refuse the
 *   submit_sm with `submitStatus` (e.g. 0x0b). `{cmd:"clear_rules"}`
 * - `{cmd:"throttle", count?, ms?, status?}` answer the next `count` submits,
 *   or all submits for `ms`, with `status` (default 0x58 ESME_RTHROTTLED; 0x14 RMSGQFUL)
 * - `{cmd:"drop_after", count}` the count-th submit from now is recorded
 *   (`dropped: true`), not answered, and its connection is closed; submits
 *   behind it in the socket are never read
 * - `{cmd:"mute", count}` the next `count` submits are recorded (`muted: true`)
 *   and never answered; the connection stays open
 * - `{cmd:"dlr_first", count}` the next `count` submits wanting a receipt get
 *   it before their submit_sm_resp
 * - `{cmd:"drop"}` closes every SMPP connection now
 * - `{cmd:"mo", from?, to?, text, coding? (0|8), split? ("none"|"udh8"|"udh16"|"sar"),
 *   parts?, reference?, reverse?, omit? (1-based part numbers not sent), systemId?}`
 *   sends a mobile-originated deliver_sm (queued until a receiver binds)
 * - `{cmd:"ping"}`
 *
 * Record lines (`submits()`): t, conn, seq, systemId, sourceAddr/Ton/Npi,
 * destAddr/Ton/Npi, esmClass, dataCoding, registeredDelivery, shortMessage and
 * messagePayload (hex), sar ([ref, total, seq]), status (command_status
 * answered), messageId (accepted), dropped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface SmscOptions {
  portRange?: [number, number];
  accounts?: Record<string, string>;
  record?: boolean;
  dlrDelayMs?: number;
}

export interface SubmitRecord {
  t: number;
  conn: number;
  seq: number;
  systemId: string;
  sourceAddr: string;
  sourceTon: number;
  sourceNpi: number;
  destAddr: string;
  destTon: number;
  destNpi: number;
  esmClass: number;
  dataCoding: number;
  registeredDelivery: number;
  shortMessage: string;
  messagePayload?: string;
  sar?: [number, number, number];
  status: number;
  messageId?: string;
  dropped?: boolean;
  muted?: boolean;
}

export interface Smsc {
  host: string;
  port: number;
  controlPort: number;
  recordPath?: string;
  control(command: Record<string, unknown>): Promise<Record<string, unknown>>;
  submits(): SubmitRecord[];
  stop(): Promise<void>;
}

const SCRIPT = path.join(import.meta.dirname, "net-smpp-smsc.pl");

export async function startSmsc(options: SmscOptions = {}): Promise<Smsc> {
  const [low, high] = options.portRange ?? [27750, 27799];
  const accounts = options.accounts ?? { test: "secret" };
  const dir = mkdtempSync(path.join(tmpdir(), "smsc-"));
  const recordPath = options.record === false ? undefined : path.join(dir, "submits.jsonl");
  const span = Math.floor((high - low) / 2);
  const offset = Math.floor(Math.random() * span);
  for (let attempt = 0; attempt < span; attempt++) {
    const port = low + 2 * ((offset + attempt) % span);
    const args = [SCRIPT, "--port", String(port), "--control-port", String(port + 1), "--quiet"];
    for (const [id, pw] of Object.entries(accounts)) args.push("--account", `${id}:${pw}`);
    if (recordPath) args.push("--record", recordPath);
    if (options.dlrDelayMs) args.push("--dlr-delay-ms", String(options.dlrDelayMs));
    const child = spawn("perl", args, { stdio: ["ignore", "pipe", "pipe"] });
    if (await listening(child)) return handle(child, port, dir, recordPath);
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`no free port pair for the test SMSC in ${low}-${high}`);
}

/** Resolves true on "LISTENING", false when the process exits first (port taken). */
function listening(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("LISTENING")) resolve(true);
    });
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", () => {
      if (/listen on/.test(err)) resolve(false);
      else reject(new Error(`test SMSC exited: ${err.trim() || "no output"} (run scripts/ensure-smsc.sh)`));
    });
  });
}

function handle(child: ChildProcess, port: number, dir: string, recordPath: string | undefined): Smsc {
  const host = "127.0.0.1";
  return {
    host,
    port,
    controlPort: port + 1,
    recordPath,
    control: (command) => sendControl(host, port + 1, command),
    submits: () =>
      recordPath
        ? readFileSync(recordPath, "utf8")
            .split("\n")
            .filter((l) => l !== "")
            .map((l) => JSON.parse(l) as SubmitRecord)
        : [],
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function sendControl(host: string, port: number, command: Record<string, unknown>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let buf = "";
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(JSON.stringify(command) + "\n"));
    socket.on("data", (d: string) => {
      buf += d;
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      socket.end();
      const answer = JSON.parse(buf.slice(0, nl)) as Record<string, unknown>;
      if (answer.ok !== true) reject(new Error(`SMSC control ${String(command.cmd)}: ${String(answer.error)}`));
      else resolve(answer);
    });
    socket.on("error", reject);
  });
}
