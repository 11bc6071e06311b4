import { SMPP_DEFAULTS, type SmppSettings } from "@/lib/carriers/carrier-settings";
import type { CarrierConnection, ConnectionInbound, ConnectionReport } from "@/lib/carriers/connection";
import { createSmppConnection, type CreateSmppConnectionOptions } from "@/lib/carriers/smpp/smpp-connection";
import type { Smsc } from "@/tests/smsc/start-smsc";

/** Settings for a connection to the test SMSC (account test/secret). */
export function smscSettings(smsc: Smsc, overrides: Partial<SmppSettings> = {}): SmppSettings {
  return { ...SMPP_DEFAULTS, host: smsc.host, port: smsc.port, systemId: "test", throughput: 1000, ...overrides };
}

export interface Harness {
  connection: CarrierConnection;
  reports: ConnectionReport[];
  inbound: ConnectionInbound[];
  logs: string[];
}

export function connect(
  smsc: Smsc,
  overrides: Partial<SmppSettings> = {},
  options: Partial<CreateSmppConnectionOptions> = {},
): Harness {
  const reports: ConnectionReport[] = [];
  const inbound: ConnectionInbound[] = [];
  const logs: string[] = [];
  const connection = createSmppConnection({
    carrierSid: "CR00000000000000000000000000000001",
    settings: smscSettings(smsc, overrides),
    password: "secret",
    reconnectMinMs: 100,
    reconnectMaxMs: 500,
    log: (message, fields) => logs.push(`${message} ${JSON.stringify(fields)}`),
    ...options,
  });
  connection.on("report", (r) => reports.push(r));
  connection.on("inbound", (m) => inbound.push(m));
  connection.start();
  return { connection, reports, inbound, logs };
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const waitBound = (h: Harness) => waitFor("bound", () => h.connection.isReady());

/** Short-message octets (hex) → bytes after the UDH, decoded as the record says. */
export function recordedText(hex: string, dataCoding: number, esmClass: number): string {
  let bytes = Buffer.from(hex, "hex");
  if (esmClass & 0x40) bytes = bytes.subarray((bytes[0] ?? 0) + 1);
  if (dataCoding === 8) return bytes.swap16().toString("utf16le");
  return bytes.toString("latin1");
}
