import { hostname } from "node:os";
import type { BindState } from "@/lib/carriers/connection";
import type { CarrierConnection } from "@/lib/carriers/connection";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { receiveInboundMessage } from "@/lib/server/services/messages/receive-inbound-message";
import { removeBindStates, writeBindStates } from "./bind-state-rows";
import { chooseCarriers, type CarrierChoice } from "./choose-carriers";
import { createConnection, type CarrierRow } from "./connection-factory";
import { applyCarrierReport } from "./settle-message";

/** How often the registry looks for added / changed / removed carriers and writes live state. */
export const RECONCILE_MS = 2_000;

export interface CarrierEntry {
  row: CarrierRow;
  /** Null when the row cannot be used (unreadable secret, bad settings): `error` says why. */
  connection: CarrierConnection | null;
  error?: string;
  lastReportAt?: Date;
}

interface AccountCarriers {
  enabled: Set<string>;
  defaultSid: string | null;
  routes: { prefix: string; carrierSids: string[] }[];
}

const log = (msg: string, err?: unknown) => console.warn(`[carriers] ${msg}${err ? `: ${(err as Error).message ?? err}` : ""}`);

/**
 * The carriers of every account, held open by this worker process
 * (docs/carriers.md "Which carrier sends a message", "Live state"): loads
 * every enabled carrier, opens its connection, reconciles every
 * RECONCILE_MS with the database (a carrier added, edited, disabled or
 * deleted is opened, reopened or closed), routes reports and inbound
 * messages to the pipeline, and writes carrier_binds.
 */
export class CarrierRegistry {
  readonly processId = `${hostname()}:${process.pid}`;
  private entries = new Map<string, CarrierEntry>();
  private accounts = new Map<string, AccountCarriers>();
  private timer: NodeJS.Timeout | undefined;
  private reconciling: Promise<void> | null = null;
  private dirty = false;

  async start(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(() => void this.reconcile().catch((e) => log("reconcile failed", e)), RECONCILE_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.reconciling?.catch(() => undefined);
    const sids = [...this.entries.keys()];
    await Promise.all([...this.entries.values()].map((e) => e.connection?.stop().catch(() => undefined)));
    this.entries.clear();
    await removeBindStates(this.processId, sids).catch(() => undefined);
  }

  get(carrierSid: string): CarrierEntry | undefined {
    return this.entries.get(carrierSid);
  }

  /** True when the account sends through its own carriers (it has an enabled one), not the simulator. */
  usesCarriers(accountSid: string): boolean {
    return (this.accounts.get(accountSid)?.enabled.size ?? 0) > 0;
  }

  choose(accountSid: string, senderCarrierSid: string | null, to: string): CarrierChoice {
    const a = this.accounts.get(accountSid) ?? { enabled: new Set<string>(), defaultSid: null, routes: [] };
    return chooseCarriers({ senderCarrierSid, to, enabled: a.enabled, defaultSid: a.defaultSid, routes: a.routes });
  }

  /** Reconcile now (a message named a carrier this process has not loaded yet). Concurrent calls share one run. */
  reconcile(): Promise<void> {
    if (this.reconciling) {
      this.dirty = true;
      return this.reconciling;
    }
    this.reconciling = this.load().finally(() => {
      this.reconciling = null;
      if (this.dirty) {
        this.dirty = false;
        void this.reconcile().catch((e) => log("reconcile failed", e));
      }
    });
    return this.reconciling;
  }

  private async load(): Promise<void> {
    const [rows, routes] = await Promise.all([
      db.carrier.findMany({ where: { enabled: true }, select: { sid: true, accountSid: true, type: true, isDefault: true, settings: true, secret: true, updatedAt: true } }),
      db.carrierRoute.findMany({ select: { accountSid: true, prefix: true, carrierSids: true } }),
    ]);
    const accounts = new Map<string, AccountCarriers>();
    const account = (sid: string) => {
      let a = accounts.get(sid);
      if (!a) accounts.set(sid, (a = { enabled: new Set(), defaultSid: null, routes: [] }));
      return a;
    };
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.sid);
      const a = account(row.accountSid);
      a.enabled.add(row.sid);
      if (row.isDefault) a.defaultSid = row.sid;
      const old = this.entries.get(row.sid);
      if (old && old.row.updatedAt.getTime() === row.updatedAt.getTime()) continue;
      if (old) await old.connection?.stop().catch(() => undefined);
      this.entries.set(row.sid, await this.open(row));
    }
    for (const r of routes) account(r.accountSid).routes.push({ prefix: r.prefix, carrierSids: r.carrierSids });
    const gone = [...this.entries.keys()].filter((sid) => !seen.has(sid));
    for (const sid of gone) {
      await this.entries.get(sid)?.connection?.stop().catch(() => undefined);
      this.entries.delete(sid);
    }
    this.accounts = accounts;
    await removeBindStates(this.processId, gone);
    await this.writeState();
  }

  private async open(row: CarrierRow): Promise<CarrierEntry> {
    const entry: CarrierEntry = { row, connection: null };
    try {
      entry.connection = await createConnection(row);
    } catch (err) {
      entry.error = `cannot open carrier ${row.sid}: ${(err as Error).message}`;
      log(entry.error);
      return entry;
    }
    const conn = entry.connection;
    // The listeners' promises are awaited by the SMPP client before it acknowledges the deliver_sm:
    // a report or MO is acknowledged only once stored (a failed write makes the SMSC deliver it again).
    conn.on("report", (r) => {
      entry.lastReportAt = new Date();
      return applyCarrierReport(row.sid, r.carrierMessageId, { status: r.status, errorCode: r.errorCode }).then(() => undefined);
    });
    conn.on("inbound", (m) =>
      receiveInboundMessage({ from: m.from, to: m.to, body: m.body }, { accountSid: row.accountSid }).then(
        () => undefined,
        (e) => {
          // Not one of the account's numbers: nothing to retry, the SMSC would only send it again.
          if (e instanceof AppError) log(`inbound from ${m.from} to ${m.to} on ${row.sid} dropped`, e);
          else throw e;
        },
      ),
    );
    conn.on("state", () => void this.writeState([row.sid]).catch((e) => log("live state not written", e)));
    conn.start();
    return entry;
  }

  /** The binds of one entry as stored: an unusable row shows as one bind in `error` with the reason. */
  private bindsOf(e: CarrierEntry): BindState[] {
    if (!e.connection) return [{ bindIndex: 0, state: "error", lastError: e.error, windowInUse: 0, queueDepth: 0, mpsOut: 0, mpsIn: 0, reconnects: 0 }];
    return e.connection.binds().map((b) => ({ ...b, lastReportAt: b.lastReportAt ?? e.lastReportAt }));
  }

  private async writeState(only?: string[]): Promise<void> {
    const states = new Map<string, BindState[]>();
    for (const [sid, e] of this.entries) if (!only || only.includes(sid)) states.set(sid, this.bindsOf(e));
    await writeBindStates(this.processId, states);
  }
}
