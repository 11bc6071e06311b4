import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";

const hex = (n: number) => randomBytes(n).toString("hex");

export async function makeAccount() {
  const sid = newSid("AC");
  const authToken = hex(16);
  await db.account.create({ data: { sid, friendlyName: "pipeline " + sid.slice(-6), authToken } });
  return { sid, authToken };
}

export async function makeService(accountSid: string, data: { statusCallback?: string; stickySender?: boolean; validityPeriod?: number } = {}) {
  return db.service.create({ data: { sid: newSid("MG"), accountSid, friendlyName: "svc", ...data } });
}

let nextNumber = Math.floor(Math.random() * 1_000_000);
/** A fresh, valid US long code (+1 415 55x xxxx), unique within the test run. */
export function uniqueUsNumber(): string {
  nextNumber = (nextNumber + 1) % 10_000_000;
  return `+1415${String(2000000 + (nextNumber % 8000000)).padStart(7, "0")}`;
}

export async function addLongCode(accountSid: string, serviceSid: string | null, opts: { mps?: number; phoneNumber?: string } = {}) {
  return db.phoneNumber.create({
    data: {
      sid: newSid("PN"),
      accountSid,
      phoneNumber: opts.phoneNumber ?? uniqueUsNumber(),
      friendlyName: "n",
      isoCountry: "US",
      numberType: "local",
      mps: opts.mps ?? null,
      serviceSid,
      addedToServiceAt: serviceSid ? new Date() : null,
    },
  });
}

export async function addShortCode(accountSid: string, serviceSid: string, code: string, mps?: number) {
  return db.shortCode.create({ data: { sid: newSid("SC"), accountSid, shortCode: code, isoCountry: "US", serviceSid, mps: mps ?? null, addedToServiceAt: new Date() } });
}

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Waits for a message to reach a final status and returns it. */
export const finalMessage = (sid: string) =>
  waitFor(async () => {
    const m = await db.message.findUnique({ where: { sid } });
    return m && ["delivered", "undelivered", "failed", "canceled"].includes(m.status) ? m : undefined;
  });

export async function statusesOf(sid: string): Promise<string[]> {
  const events = await db.messageEvent.findMany({ where: { messageSid: sid }, orderBy: { id: "asc" } });
  return events.map((e) => e.status);
}

export interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  params: Record<string, string>;
}

/** A local webhook receiver; `failFirst` answers 500 to the first N requests (retry tests). */
export async function startReceiver(opts: { failFirst?: number } = {}) {
  const received: Received[] = [];
  let failures = opts.failFirst ?? 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      if (failures > 0) {
        failures--;
        res.writeHead(500).end("try again");
        return;
      }
      received.push({ url: req.url ?? "", headers: req.headers, params: Object.fromEntries(new URLSearchParams(body)) });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/status`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
