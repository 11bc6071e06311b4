import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { getConversation, listConversations, markConversationRead } from "@/lib/server/services/conversations/conversation-queries";
import { replyToConversation } from "@/lib/server/services/conversations/reply-to-conversation";
import { receiveInboundMessage } from "@/lib/server/services/messages/receive-inbound-message";
import { addLongCode, makeAccount, makeService, waitFor } from "./pipeline-fixtures";

let workers: PipelineWorkers;
beforeAll(async () => {
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 4 });
});
afterAll(async () => {
  await workers.stop();
});

async function conversationService() {
  const account = await makeAccount();
  const service = await makeService(account.sid);
  await db.service.update({ where: { sid: service.sid }, data: { incomingHandling: "conversation" } });
  const number = await addLongCode(account.sid, service.sid);
  return { account, service, number: number.phoneNumber };
}

const filed = (sid: string) => waitFor(async () => db.conversationMessage.findUnique({ where: { messageSid: sid } }), 30_000);

describe("conversations", () => {
  it("a reply from the thread goes through the service from the thread's sender, joins the thread and reaches the carrier", async () => {
    const { account, service, number } = await conversationService();
    const inbound = await receiveInboundMessage({ from: "+14155550130", to: number, body: "Where is my order?" });
    const link = await filed(inbound.sid);
    const before = await getConversation(account.sid, link.conversationSid);
    expect(before.conversation).toMatchObject({ unreadCount: 1, participantAddress: "+14155550130", senderAddress: number, serviceName: "svc" });

    const reply = await replyToConversation(account.sid, link.conversationSid, { body: "On its way" });
    expect(reply).toMatchObject({ to: "+14155550130", from: number, serviceSid: service.sid, status: "accepted", direction: "outbound-api" });
    const after = await getConversation(account.sid, link.conversationSid);
    expect(after.messages.map((m) => [m.direction, m.body])).toEqual([
      ["inbound", "Where is my order?"],
      ["outbound-api", "On its way"],
    ]);
    expect(after.conversation).toMatchObject({ lastMessagePreview: "On its way", lastMessageDirection: "outbound-api", unreadCount: 0 });
    const delivered = await waitFor(async () => db.simDelivery.findUnique({ where: { messageSid: reply.sid } }));
    expect(delivered).toMatchObject({ from: number, to: "+14155550130", body: "On its way" });
  });

  it("an empty reply is 21602 and changes nothing; another account's thread is a 404", async () => {
    const { account, number } = await conversationService();
    const inbound = await receiveInboundMessage({ from: "+14155550131", to: number, body: "hi" });
    const { conversationSid } = await filed(inbound.sid);
    await expect(replyToConversation(account.sid, conversationSid, { body: "" })).rejects.toMatchObject({ code: 21602 });
    const other = await makeAccount();
    await expect(replyToConversation(other.sid, conversationSid, { body: "x" })).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(getConversation(other.sid, conversationSid)).rejects.toMatchObject({ status: 404 });
    expect(await listConversations(other.sid)).toEqual([]);
    await markConversationRead(other.sid, conversationSid);
    expect((await getConversation(account.sid, conversationSid)).conversation.unreadCount).toBe(1);
    expect((await getConversation(account.sid, conversationSid)).messages).toHaveLength(1);
  });

  it("the inbox lists threads newest activity first; opening one reads it", async () => {
    const { account, number } = await conversationService();
    const a = await receiveInboundMessage({ from: "+14155550132", to: number, body: "older" });
    await filed(a.sid);
    const b = await receiveInboundMessage({ from: "+14155550133", to: number, body: "newer" });
    const { conversationSid } = await filed(b.sid);
    const inbox = await listConversations(account.sid);
    expect(inbox.map((c) => c.lastMessagePreview)).toEqual(["newer", "older"]);
    await markConversationRead(account.sid, conversationSid);
    expect((await listConversations(account.sid)).map((c) => c.unreadCount)).toEqual([0, 1]);
  });
});
