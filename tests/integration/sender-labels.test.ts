import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { getMessageDetail } from "@/lib/server/services/message-logs/get-message-detail";
import { senderLabelsForTrace } from "@/lib/server/services/message-logs/sender-labels";
import { addLongCode, addShortCode, makeAccount, makeService } from "./pipeline-fixtures";

describe("routing trace sender labels", () => {
  it("labels the account's own senders of every kind, and nothing of another account's", async () => {
    const mine = await makeAccount();
    const service = await makeService(mine.sid);
    const number = await addLongCode(mine.sid, service.sid);
    const short = await addShortCode(mine.sid, service.sid, String(100000 + Math.floor(Math.random() * 899999)));
    const alpha = await db.alphaSender.create({ data: { sid: newSid("AI"), accountSid: mine.sid, serviceSid: service.sid, alphaSender: "ACME" } });
    const theirs = await makeAccount();
    const theirNumber = await addLongCode(theirs.sid, null);
    const deleted = newSid("PN");

    const trace = {
      trace: [`sticky: +14155550100 -> ${number.sid}`, `tier short_code: ${short.sid} (US)`, `tier alpha: ${alpha.sid} (x)`, `scaler: ${theirNumber.sid}`, `gone: ${deleted}`],
      warnings: [],
    };
    expect(await senderLabelsForTrace(mine.sid, trace)).toEqual({ [number.sid]: number.phoneNumber, [short.sid]: short.shortCode, [alpha.sid]: "ACME" });
    expect(await senderLabelsForTrace(theirs.sid, trace)).toEqual({ [theirNumber.sid]: theirNumber.phoneNumber });
    expect(await senderLabelsForTrace(mine.sid, null)).toEqual({});
  });

  it("the message detail carries the labels of its own trace", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const number = await addLongCode(account.sid, service.sid);
    const sid = newSid("SM");
    await db.message.create({
      data: {
        sid,
        accountSid: account.sid,
        serviceSid: service.sid,
        direction: "outbound-api",
        from: number.phoneNumber,
        to: "+14155550100",
        body: "x",
        status: "sent",
        validityPeriod: 36000,
        routingTrace: { trace: [`tier long_code: ${number.sid} (geo-match 415)`], warnings: [] },
      },
    });
    expect((await getMessageDetail(account.sid, sid)).senderLabels).toEqual({ [number.sid]: number.phoneNumber });
  });
});
