import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as mediaLinkGet } from "@/app/m/[sid]/[n]/route";
import { setSimRule } from "@/lib/server/simulator/sim-rules";
import { db } from "@/lib/server/db/client";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addLongCode, finalMessage, makeAccount, makeService, waitFor } from "./pipeline-fixtures";

let workers: PipelineWorkers | undefined;

beforeAll(async () => {
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 8 });
});

afterAll(async () => {
  await workers?.stop();
});

const final = finalMessage;

const delivery = (sid: string) => waitFor(() => db.simDelivery.findUnique({ where: { messageSid: sid } }));
const traceOf = (m: { routingTrace: unknown }) => (m.routingTrace as { trace: string[]; warnings: string[] }) ?? { trace: [], warnings: [] };

/** A service with one MMS-capable long code. */
async function setup(settings: { smartEncoding?: boolean; mmsConverter?: boolean }) {
  const account = await makeAccount();
  const service = await db.service.update({ where: { sid: (await makeService(account.sid)).sid }, data: settings });
  const number = await addLongCode(account.sid, service.sid);
  await db.phoneNumber.update({ where: { sid: number.sid }, data: { mmsEnabled: true } });
  return { account, service, number };
}

// 4 smart-encodable characters: two curly quotes, an em dash and an ellipsis.
const CURLY = "Hello \u201cworld\u201d \u2014 see you\u2026";
const PLAIN = 'Hello "world" - see you...';

describe("Content Settings honoured by the pipeline", () => {
  it("Smart Encoding on (service): the simulator receives GSM-7 look-alikes; one GSM-7 segment; the trace says so", async () => {
    const { account, service } = await setup({ smartEncoding: true });
    const created = await createMessage(account.sid, { to: "+14155550123", messagingServiceSid: service.sid, body: CURLY });
    const done = await final(created.sid);
    expect(done.status).toBe("delivered");
    expect((await delivery(created.sid)).body).toBe(PLAIN);
    expect(done).toMatchObject({ body: CURLY, numSegments: 1, encoding: "GSM-7" });
    expect(traceOf(done).trace).toContain("smart encoding: 4 character(s) replaced");
    expect(traceOf(done).trace).toContain("content: smart encoding on (service setting); GSM-7, 1 segment(s)");
  });

  it("Smart Encoding off: the body goes as written, UCS-2", async () => {
    const { account, service } = await setup({ smartEncoding: false });
    const created = await createMessage(account.sid, { to: "+14155550124", messagingServiceSid: service.sid, body: CURLY });
    const done = await final(created.sid);
    expect((await delivery(created.sid)).body).toBe(CURLY);
    expect(done).toMatchObject({ numSegments: 1, encoding: "UCS-2" });
    expect(traceOf(done).trace).toContain("content: smart encoding off; UCS-2, 1 segment(s)");
  });

  it("SmartEncoded=true on the message turns it on although the service has it off", async () => {
    const { account, service } = await setup({ smartEncoding: false });
    // 80 characters with one curly quote: UCS-2 would cost 2 segments, GSM-7 one.
    const body = "\u2019".concat("x".repeat(79));
    const created = await createMessage(account.sid, { to: "+14155550125", messagingServiceSid: service.sid, body, smartEncoded: "true" });
    const done = await final(created.sid);
    expect((await delivery(created.sid)).body).toBe("'" + "x".repeat(79));
    expect(done).toMatchObject({ numSegments: 1, encoding: "GSM-7" });
    expect(traceOf(done).trace).toContain("content: smart encoding on (SmartEncoded=true); GSM-7, 1 segment(s)");
  });

  it("MMS Converter on, carrier without MMS: delivered as an SMS carrying the media links, which redirect to the media", async () => {
    const { account, service } = await setup({ mmsConverter: true });
    await setSimRule(account.sid, { prefix: "+1415555013", outcome: "delivered", noMms: true });
    const media = ["https://example.com/cat.jpg", "https://example.com/dog.png"];
    const created = await createMessage(account.sid, { to: "+14155550130", messagingServiceSid: service.sid, body: "Pets", mediaUrls: media });
    expect(created.sid.startsWith("MM")).toBe(true);
    const done = await final(created.sid);
    expect(done.status).toBe("delivered");
    const sim = await delivery(created.sid);
    const links = [1, 2].map((n) => `${process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`}/m/${created.sid}/${n}`);
    expect(sim.mediaUrls).toEqual([]);
    expect(sim.body).toBe(`Pets\n${links[0]}\n${links[1]}`);
    expect(done.mediaUrls).toEqual(media); // the message keeps what was submitted
    expect(done.encoding).toBe("GSM-7");
    expect(done.numSegments).toBe(sim.body.length > 160 ? 2 : 1);
    expect(traceOf(done).trace.some((l) => l.startsWith("mms converter: 2 link(s) appended"))).toBe(true);

    const res = await mediaLinkGet(new Request(links[1] as string), { params: Promise.resolve({ sid: created.sid, n: "2" }) });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(media[1]);
    const missing = await mediaLinkGet(new Request(links[1] as string), { params: Promise.resolve({ sid: created.sid, n: "3" }) });
    expect(missing.status).toBe(404);
  });

  it("an explicit From sent with the service gets the service's content features too (MMS Converter), without automatic selection", async () => {
    const { account, service, number } = await setup({ mmsConverter: true });
    await addLongCode(account.sid, service.sid); // a second sender the pool could have picked
    await setSimRule(account.sid, { prefix: "+1415555014", outcome: "delivered", noMms: true });
    const created = await createMessage(account.sid, { to: "+14155550140", from: number.phoneNumber, messagingServiceSid: service.sid, body: "Pic", mediaUrls: ["https://example.com/a.jpg"] });
    const done = await final(created.sid);
    expect(done).toMatchObject({ status: "delivered", from: number.phoneNumber, senderSid: number.sid });
    const sim = await delivery(created.sid);
    expect(sim.from).toBe(number.phoneNumber);
    expect(sim.mediaUrls).toEqual([]);
    expect(sim.body).toMatch(new RegExp(`^Pic\n.*/m/${created.sid}/1$`));
    expect(traceOf(done).trace).toContain(`from: explicit From ${number.phoneNumber} (${number.sid}), no automatic selection`);
  });

  it("MMS Converter off, carrier without MMS: sent as MMS, undelivered 30006, with the routing warning and an alert", async () => {
    const { account, service } = await setup({ mmsConverter: false });
    await setSimRule(account.sid, { prefix: "+1415555014", outcome: "delivered", noMms: true });
    const created = await createMessage(account.sid, { to: "+14155550140", messagingServiceSid: service.sid, body: "Pets", mediaUrls: ["https://example.com/cat.jpg"] });
    const done = await final(created.sid);
    expect(done).toMatchObject({ status: "undelivered", errorCode: 30006, numSegments: 1 });
    expect((await delivery(created.sid)).mediaUrls).toEqual(["https://example.com/cat.jpg"]);
    expect(traceOf(done).warnings[0]).toMatch(/cannot receive MMS and MMS Converter is off/);
    const alerts = await db.alert.findMany({ where: { messageSid: created.sid } });
    expect(alerts).toMatchObject([{ accountSid: account.sid, serviceSid: service.sid, code: 30006, level: "warning" }]);
    // Not converted: no link redirects for it.
    const res = await mediaLinkGet(new Request("http://x/"), { params: Promise.resolve({ sid: created.sid, n: "1" }) });
    expect(res.status).toBe(404);
  });

  it("MMS to a carrier that takes MMS: media sent as is, one message, no alert", async () => {
    const { account, service } = await setup({ mmsConverter: true });
    const created = await createMessage(account.sid, { to: "+14155550150", messagingServiceSid: service.sid, body: "x".repeat(200), mediaUrls: ["https://example.com/a.gif"] });
    const done = await final(created.sid);
    expect(done).toMatchObject({ status: "delivered", numSegments: 1 });
    expect(await delivery(created.sid)).toMatchObject({ body: "x".repeat(200), mediaUrls: ["https://example.com/a.gif"] });
    expect(await db.alert.count({ where: { messageSid: created.sid } })).toBe(0);
  });
});
