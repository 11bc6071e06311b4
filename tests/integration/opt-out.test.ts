import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_REPLIES, defaultOptOutConfig, type OptOutConfig } from "@/lib/core/opt-out/opt-out";
import { db } from "@/lib/server/db/client";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addOptOut, removeOptOut } from "@/lib/server/services/opt-out/change-opt-out";
import { exportOptOutsCsv } from "@/lib/server/services/opt-out/export-opt-outs";
import { listOptOutHistory, listOptOuts } from "@/lib/server/services/opt-out/opt-out-list";
import { getOptOutSettings, updateOptOutSettings } from "@/lib/server/services/opt-out/opt-out-settings";
import { previewKeyword } from "@/lib/server/services/opt-out/preview-keyword";
import { processInboundKeyword } from "@/lib/server/services/opt-out/process-inbound-keyword";
import { addLongCode, finalMessage, makeAccount, makeService, waitFor } from "./pipeline-fixtures";

let workers: PipelineWorkers;

beforeAll(async () => {
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 8 });
});
afterAll(async () => {
  await workers.stop();
});

const ES = "+34612345678";
const MX = "+525512345678";
const US = "+14155550177";

const final = finalMessage;

/** English global keywords plus Spanish, and a Mexican override of help. */
function spanish(): OptOutConfig {
  const c = defaultOptOutConfig();
  c.advancedOptOut = true;
  c.global.help.reply = "Acme: reply STOP to stop.";
  c.languages.es = {
    optOut: { keywords: ["BAJA", "PARAR"], reply: "Te has dado de baja. Responde ALTA para volver." },
    optIn: { keywords: ["ALTA"], reply: "Te has dado de alta." },
    help: { keywords: ["AYUDA"], reply: "Responde BAJA para cancelar." },
  };
  c.countries.MX = { help: { keywords: ["AYUDA"], reply: "México: escribe BAJA para cancelar." } };
  return c;
}

async function setup(config?: OptOutConfig) {
  const account = await makeAccount();
  const service = await makeService(account.sid);
  const number = await addLongCode(account.sid, service.sid);
  if (config) await updateOptOutSettings(account.sid, service.sid, config, "test");
  let n = 0;
  const text = async (from: string, body: string) => {
    const messageSid = `SM${String(++n).padStart(32, "0")}`;
    const r = await processInboundKeyword({ accountSid: account.sid, serviceSid: service.sid, from, to: number.phoneNumber, body, messageSid });
    return r.optOutType;
  };
  const lastReply = async (to: string) => {
    const m = await db.message.findFirst({ where: { accountSid: account.sid, to, direction: "outbound-api" }, orderBy: { createdAt: "desc" } });
    return m ? { ...m, final: await final(m.sid) } : null;
  };
  const optedOut = async (recipient: string) => Boolean(await db.optOut.findUnique({ where: { serviceSid_recipient: { serviceSid: service.sid, recipient } } }));
  return { account, service, number, text, lastReply, optedOut };
}

describe("processInboundKeyword: default keywords", () => {
  it("STOP opts out, confirms (delivered despite the opt-out) and blocks sends with 21610; START lifts it; HELP only replies", async () => {
    const s = await setup();
    expect(await s.text(US, " stop ")).toBe("STOP");
    expect(await s.optedOut(US)).toBe(true);
    const confirmation = await s.lastReply(US);
    expect(confirmation).toMatchObject({ body: DEFAULT_REPLIES.optOut, from: s.number.phoneNumber, serviceSid: s.service.sid });
    expect(confirmation?.final.status).toBe("delivered");
    await expect(createMessage(s.account.sid, { to: US, messagingServiceSid: s.service.sid, body: "promo" })).rejects.toMatchObject({ code: 21610 });
    await expect(createMessage(s.account.sid, { to: US, from: s.number.phoneNumber, body: "promo" })).rejects.toMatchObject({ code: 21610 });

    expect(await s.text(US, "HELP")).toBe("HELP");
    expect(await s.optedOut(US)).toBe(true);
    expect((await s.lastReply(US))?.final).toMatchObject({ body: DEFAULT_REPLIES.help, status: "delivered" });

    expect(await s.text(US, "Unstop")).toBe("START");
    expect(await s.optedOut(US)).toBe(false);
    expect((await s.lastReply(US))?.final).toMatchObject({ body: DEFAULT_REPLIES.optIn, status: "delivered" });
    const m = await createMessage(s.account.sid, { to: US, messagingServiceSid: s.service.sid, body: "welcome back" });
    expect((await final(m.sid)).status).toBe("delivered");

    const history = await listOptOutHistory(s.account.sid, s.service.sid);
    expect(history.map((h) => [h.action, h.source, h.recipient])).toEqual([
      ["opt_in", "keyword", US],
      ["opt_out", "keyword", US],
    ]);
  });

  it("a non-keyword changes nothing and sends nothing", async () => {
    const s = await setup();
    expect(await s.text(US, "stop please")).toBeNull();
    expect(await s.optedOut(US)).toBe(false);
    expect(await s.lastReply(US)).toBeNull();
  });

  it("Advanced Opt-Out off: the default keywords and replies apply even with a custom config stored", async () => {
    const off = spanish();
    off.advancedOptOut = false;
    const s = await setup(off);
    expect(await s.text(ES, "BAJA")).toBeNull();
    expect(await s.optedOut(ES)).toBe(false);
    expect(await s.text(MX, "help")).toBe("HELP");
    expect((await s.lastReply(MX))?.body).toBe(DEFAULT_REPLIES.help);
    expect(await s.text(ES, "cancel")).toBe("STOP");
    expect((await s.lastReply(ES))?.body).toBe(DEFAULT_REPLIES.optOut);
  });
});

describe("processInboundKeyword: Advanced Opt-Out with language and country overrides", () => {
  it.each<[string, string, string, "STOP" | "START" | "HELP", string, boolean]>([
    ["English opt-out", US, "QUIT", "STOP", DEFAULT_REPLIES.optOut, true],
    ["Spanish opt-out", ES, "baja", "STOP", "Te has dado de baja. Responde ALTA para volver.", true],
    ["English help", US, "info", "HELP", "Acme: reply STOP to stop.", false],
    ["Spanish help", ES, "Ayuda", "HELP", "Responde BAJA para cancelar.", false],
    ["country override beats the language override", MX, "AYUDA", "HELP", "México: escribe BAJA para cancelar.", false],
    ["country override reply for an English keyword", MX, "help", "HELP", "México: escribe BAJA para cancelar.", false],
  ])("%s", async (_name, from, body, type, reply, optedOut) => {
    const s = await setup(spanish());
    expect(await s.text(from, body)).toBe(type);
    expect(await s.optedOut(from)).toBe(optedOut);
    expect((await s.lastReply(from))?.final).toMatchObject({ body: reply, status: "delivered" });
  });

  it.each<[string, string, string, string, string]>([
    ["English", US, "STOP", "YES", DEFAULT_REPLIES.optIn],
    ["Spanish", ES, "PARAR", "alta", "Te has dado de alta."],
  ])("%s opt-in lifts the opt-out", async (_name, from, stop, start, reply) => {
    const s = await setup(spanish());
    expect(await s.text(from, stop)).toBe("STOP");
    await expect(createMessage(s.account.sid, { to: from, messagingServiceSid: s.service.sid, body: "x" })).rejects.toMatchObject({ code: 21610 });
    expect(await s.text(from, start)).toBe("START");
    expect((await s.lastReply(from))?.final).toMatchObject({ body: reply, status: "delivered" });
    const m = await createMessage(s.account.sid, { to: from, messagingServiceSid: s.service.sid, body: "hola" });
    expect((await final(m.sid)).status).toBe("delivered");
  });
});

describe("STOP while messages to that recipient are queued", () => {
  it("none of the queued messages is sent after the opt-out commits; they fail with 21610", async () => {
    const s = await setup();
    // A 1-mps sender: ten messages wait in the queue for their slots.
    await db.phoneNumber.update({ where: { sid: s.number.sid }, data: { mps: 1 } });
    const sids = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createMessage(s.account.sid, { to: US, messagingServiceSid: s.service.sid, body: `queued ${i}` }).then((m) => m.sid)),
    );
    await waitFor(async () => (await db.message.count({ where: { sid: { in: sids }, status: { in: ["sending", "sent", "delivered"] } } })) >= 1);
    expect(await s.text(US, "STOP")).toBe("STOP");
    const at = (await db.$queryRaw<{ at: Date }[]>`SELECT clock_timestamp() AS at`)[0]!.at;

    const done = await Promise.all(sids.map(final));
    const failed = done.filter((m) => m.status === "failed");
    expect(failed.length).toBeGreaterThanOrEqual(5);
    for (const m of failed) expect(m.errorCode).toBe(21610);
    for (const m of done) expect(["failed", "delivered"]).toContain(m.status);
    // Every message that reached the carrier had left the queue before the opt-out committed.
    const sending = await db.messageEvent.findMany({ where: { messageSid: { in: sids }, status: "sending" } });
    expect(sending.length).toBe(done.length - failed.length);
    for (const e of sending) expect(e.createdAt.getTime()).toBeLessThan(at.getTime());
    const carrier = await db.simDelivery.count({ where: { messageSid: { in: failed.map((m) => m.sid) } } });
    expect(carrier).toBe(0);
    // The confirmation itself still goes out.
    expect((await s.lastReply(US))?.final).toMatchObject({ body: DEFAULT_REPLIES.optOut, status: "delivered" });
  }, 60_000);
});

describe("opt-out list: add/remove by hand, search, export, audit", () => {
  it("records who and when, fails queued sends, searches, exports and refuses other accounts", async () => {
    const s = await setup();
    const user = await db.user.create({ data: { id: `u_${s.account.sid}`, accountSid: s.account.sid, email: `ops-${s.account.sid}@example.com`, name: "Ops", passwordHash: "x" } });
    const added = await addOptOut(s.account.sid, s.service.sid, " +34 612 345 678 ", { source: "console", actor: user.id });
    expect(added).toMatchObject({ created: true, entry: { recipient: ES, source: "console", createdBy: user.id, createdByEmail: user.email } });
    expect((await addOptOut(s.account.sid, s.service.sid, ES, { source: "api", actor: "SKx" })).created).toBe(false);
    await addOptOut(s.account.sid, s.service.sid, US, { source: "api", actor: s.account.sid });
    await expect(createMessage(s.account.sid, { to: ES, messagingServiceSid: s.service.sid, body: "x" })).rejects.toMatchObject({ code: 21610 });

    expect((await listOptOuts(s.account.sid, s.service.sid)).total).toBe(2);
    expect((await listOptOuts(s.account.sid, s.service.sid, { search: "3461" })).items.map((i) => i.recipient)).toEqual([ES]);
    expect((await listOptOuts(s.account.sid, s.service.sid, { search: "%" })).total).toBe(0);
    const csv = await exportOptOutsCsv(s.account.sid, s.service.sid);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("phone_number,date_created,source,created_by");
    expect(lines.slice(1).map((l) => l.split(",")[0]).sort()).toEqual([ES, US].sort());
    expect(lines.find((l) => l.startsWith(ES))).toContain(`console,${user.email}`);

    await removeOptOut(s.account.sid, s.service.sid, ES, { source: "console", actor: user.id });
    await expect(removeOptOut(s.account.sid, s.service.sid, ES, { source: "console", actor: user.id })).rejects.toMatchObject({ code: 20404 });
    const history = await listOptOutHistory(s.account.sid, s.service.sid, { search: "346" });
    expect(history.map((h) => [h.action, h.source, h.actorEmail])).toEqual([
      ["opt_in", "console", user.email],
      ["opt_out", "console", user.email],
    ]);
    await expect(addOptOut(s.account.sid, s.service.sid, "12", { source: "console", actor: user.id })).rejects.toMatchObject({ code: 21211 });

    const other = await makeAccount();
    await expect(listOptOuts(other.sid, s.service.sid)).rejects.toMatchObject({ code: 20404 });
    await expect(addOptOut(other.sid, s.service.sid, MX, { source: "api", actor: other.sid })).rejects.toMatchObject({ code: 20404 });
    await expect(removeOptOut(other.sid, s.service.sid, US, { source: "api", actor: other.sid })).rejects.toMatchObject({ code: 20404 });
    await expect(exportOptOutsCsv(other.sid, s.service.sid)).rejects.toMatchObject({ code: 20404 });
    expect(await s.optedOut(US)).toBe(true);
  });

  it("adding by hand fails what is queued to that number", async () => {
    const s = await setup();
    await db.phoneNumber.update({ where: { sid: s.number.sid }, data: { mps: 1 } });
    const sids = await Promise.all(Array.from({ length: 4 }, (_, i) => createMessage(s.account.sid, { to: MX, messagingServiceSid: s.service.sid, body: `m${i}` }).then((m) => m.sid)));
    await addOptOut(s.account.sid, s.service.sid, MX, { source: "api", actor: s.account.sid });
    const done = await Promise.all(sids.map(final));
    expect(done.filter((m) => m.status === "failed" && m.errorCode === 21610).length).toBeGreaterThanOrEqual(2);
  });
});

describe("settings and preview", () => {
  it("saves a valid config, refuses an invalid one without writing, and previews with the saved one", async () => {
    const s = await setup();
    expect(await getOptOutSettings(s.account.sid, s.service.sid)).toMatchObject({ saved: false, config: defaultOptOutConfig() });
    await updateOptOutSettings(s.account.sid, s.service.sid, spanish(), "u1");
    expect(await getOptOutSettings(s.account.sid, s.service.sid)).toMatchObject({ saved: true, updatedBy: "u1", config: spanish() });

    const bad = spanish();
    bad.global.optOut.keywords = ["QUIT"];
    bad.languages.es!.help!.reply = "";
    await expect(updateOptOutSettings(s.account.sid, s.service.sid, bad, "u2")).rejects.toMatchObject({
      code: 20001,
      issues: [{ path: "languages.es.help.reply", message: "reply is required" }],
    });
    const bad2 = spanish();
    bad2.global.optOut.keywords = ["QUIT"];
    await expect(updateOptOutSettings(s.account.sid, s.service.sid, bad2, "u2")).rejects.toMatchObject({ issues: [{ path: "global.optOut.keywords", message: "STOP cannot be removed" }] });
    expect((await getOptOutSettings(s.account.sid, s.service.sid)).updatedBy).toBe("u1");

    const p = await previewKeyword(s.account.sid, s.service.sid, { from: MX, body: "ayuda" });
    expect(p).toMatchObject({ country: "MX", optedOutBefore: false, optedOutAfter: false, match: { type: "HELP", reply: "México: escribe BAJA para cancelar.", language: "es", keywordScope: { kind: "country", key: "MX" } } });
    expect(p.explanation).toContain("the MX country override");
    const q = await previewKeyword(s.account.sid, s.service.sid, { from: "+447400555123", body: "BAJA" });
    expect(q).toMatchObject({ country: "GB", optedOutAfter: true, match: { type: "STOP", keywordScope: { kind: "language", key: "es" } } });
    expect(await s.optedOut("+447400555123")).toBe(false);
    await expect(previewKeyword(s.account.sid, s.service.sid, { from: "nope", body: "STOP" })).rejects.toMatchObject({ code: 21211 });
    const other = await makeAccount();
    await expect(getOptOutSettings(other.sid, s.service.sid)).rejects.toMatchObject({ code: 20404 });
    await expect(updateOptOutSettings(other.sid, s.service.sid, spanish(), "x")).rejects.toMatchObject({ code: 20404 });
  });
});
