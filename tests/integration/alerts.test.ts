import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { parseAlertFilter } from "@/lib/server/services/alerts/alert-filter-schema";
import { listAlerts } from "@/lib/server/services/alerts/list-alerts";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { finalMessage, makeAccount, makeService } from "./pipeline-fixtures";

let workers: PipelineWorkers | undefined;

beforeAll(async () => {
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 8 });
});

afterAll(async () => {
  await workers?.stop();
});

const final = finalMessage;

/** A service whose pool is one service-wide alphanumeric sender. */
async function alphaService(senderIdPreregAlert: boolean) {
  const account = await makeAccount();
  const service = await makeService(account.sid);
  await db.service.update({ where: { sid: service.sid }, data: { senderIdPreregAlert } });
  await db.alphaSender.create({ data: { sid: newSid("AI"), accountSid: account.sid, serviceSid: service.sid, alphaSender: "ACME" } });
  return { account, service };
}

async function send(accountSid: string, serviceSid: string, to: string) {
  const created = await createMessage(accountSid, { to, messagingServiceSid: serviceSid, body: "Your code is 1234" });
  return final(created.sid);
}

describe("Sender ID pre-registration alert", () => {
  it("switch on: an alpha sender to a country requiring registration raises a warning alert; the message is still sent", async () => {
    const { account, service } = await alphaService(true);
    const m = await send(account.sid, service.sid, "+919876543210");
    expect(m).toMatchObject({ status: "delivered", from: "ACME" });
    const alerts = await db.alert.findMany({ where: { accountSid: account.sid } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ serviceSid: service.sid, messageSid: m.sid, code: 21612, level: "warning" });
    expect(alerts[0]?.text).toBe("Sender ID pre-registration is required for IN; unregistered alphanumeric senders may be filtered. Sender: ACME.");
  });

  it("recommended registration (GB) is a notice; a country without registration (DE) raises nothing", async () => {
    const { account, service } = await alphaService(true);
    const gb = await send(account.sid, service.sid, "+447400123456");
    const de = await send(account.sid, service.sid, "+4915112345678");
    expect([gb.status, de.status]).toEqual(["delivered", "delivered"]);
    const alerts = await db.alert.findMany({ where: { accountSid: account.sid } });
    expect(alerts.map((a) => [a.messageSid, a.code, a.level])).toEqual([[gb.sid, 21612, "notice"]]);
  });

  it("switch off: no alert, the message is sent and its trace still explains the routing", async () => {
    const { account, service } = await alphaService(false);
    const m = await send(account.sid, service.sid, "+919876543210");
    expect(m).toMatchObject({ status: "delivered", from: "ACME" });
    expect((m.routingTrace as { trace: string[] }).trace).toContain("alert: Sender ID pre-registration required for IN");
    expect(await db.alert.count({ where: { accountSid: account.sid } })).toBe(0);
  });
});

describe("listAlerts", () => {
  it("newest first, keyset pages (ties on created_at broken by id), filters by service and type, scoped to the account", async () => {
    const account = await makeAccount();
    const a = await makeService(account.sid);
    const b = await makeService(account.sid);
    const at = (min: number) => new Date(Date.parse("2026-11-20T10:00:00Z") + min * 60_000);
    const rows = [
      { serviceSid: a.sid, code: 21612, createdAt: at(1) },
      { serviceSid: a.sid, code: 30006, createdAt: at(2) },
      { serviceSid: b.sid, code: 21612, createdAt: at(3) },
      { serviceSid: b.sid, code: 21612, createdAt: at(3) },
      { serviceSid: a.sid, code: 21612, createdAt: at(4) },
    ];
    const ids: string[] = [];
    for (const r of rows) ids.push((await db.alert.create({ data: { accountSid: account.sid, level: "warning", text: "t", messageSid: null, ...r } })).id.toString());
    const other = await makeAccount();
    await db.alert.create({ data: { accountSid: other.sid, level: "warning", text: "not yours", code: 21612 } });

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await listAlerts(account.sid, { limit: 2, cursor });
      seen.push(...page.alerts.map((x) => x.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);

    const byService = await listAlerts(account.sid, { service: a.sid });
    expect(byService.alerts.map((x) => x.id)).toEqual([ids[4], ids[1], ids[0]]);
    expect(byService.alerts[0]?.serviceName).toBe("svc");
    const byType = await listAlerts(account.sid, { code: 30006 });
    expect(byType.alerts.map((x) => x.id)).toEqual([ids[1]]);
    // Another account's service as a filter matches nothing; its alerts never show.
    expect((await listAlerts(other.sid, { service: a.sid })).alerts).toEqual([]);
    expect((await listAlerts(other.sid, {})).alerts.map((x) => x.text)).toEqual(["not yours"]);
  });

  it("filter parsing: unknown type and malformed service are field errors", () => {
    const bad = parseAlertFilter({ code: "12345", service: "nope" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["code", "service"]);
    expect(parseAlertFilter({ code: "", service: "" }).data).toEqual({});
    expect(parseAlertFilter({ code: "21612" }).data).toEqual({ code: 21612 });
  });
});
