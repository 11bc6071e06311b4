import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { newSid } from "@/lib/server/ids";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import { startPipelineWorkers, type PipelineWorkers } from "@/lib/server/pipeline/start-workers";
import { createBrand, createCampaign, createPreregisteredCampaign } from "@/lib/server/services/compliance/a2p-registrations";
import { createMessage } from "@/lib/server/services/messages/create-message";
import { addLongCode, finalMessage, makeAccount, makeService } from "./pipeline-fixtures";

// Enforcement on; vetting takes a minute (so PENDING holds on a loaded machine) until a test sets it to 0
// (the delay is read on every check; docs/api.md "A2P 10DLC").
process.env.A2P_10DLC_ENFORCEMENT = "on";
process.env.A2P_VETTING_DELAY_MS = "60000";

let workers: PipelineWorkers;
beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  workers = await startPipelineWorkers({ connectionString: process.env.DATABASE_URL as string, concurrency: 4 });
});
afterAll(async () => {
  await workers?.stop();
  delete process.env.A2P_10DLC_ENFORCEMENT;
  delete process.env.A2P_VETTING_DELAY_MS;
});

const campaignInput = (brandSid: string) => ({
  brandSid,
  usecase: "ACCOUNT_NOTIFICATION",
  description: "Account notifications for customers of Acme Retail, sent on events.",
  messageFlow: "Customers opt in at sign-up on acme.example by ticking the SMS box.",
  messageSamples: ["Your password was changed at 10:02.", "Your statement for November is ready."],
  hasEmbeddedLinks: false,
  hasEmbeddedPhone: false,
});

describe("sending from US 10DLC numbers needs a verified campaign (30034)", () => {
  it("fails with 30034 without a campaign and while it is PENDING; sends once VERIFIED", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    await addLongCode(account.sid, service.sid);
    const unregistered = await finalMessage((await createMessage(account.sid, { to: "+14155550111", messagingServiceSid: service.sid, body: "no campaign" })).sid);
    expect(unregistered).toMatchObject({ status: "failed", errorCode: 30034 });

    const brand = await createBrand(account.sid, { companyName: "Acme", description: "Acme Retail" });
    await createCampaign(account.sid, service.sid, campaignInput(brand.sid));
    const pending = await finalMessage((await createMessage(account.sid, { to: "+14155550112", messagingServiceSid: service.sid, body: "pending" })).sid);
    expect(pending).toMatchObject({ status: "failed", errorCode: 30034 });

    process.env.A2P_VETTING_DELAY_MS = "0";
    const verified = await finalMessage((await createMessage(account.sid, { to: "+14155550113", messagingServiceSid: service.sid, body: "verified" })).sid);
    expect(verified).toMatchObject({ status: "delivered", errorCode: null });
  });

  it("by default (registered) refuses a service whose campaign is pending, and lets one that never registered send", async () => {
    process.env.A2P_10DLC_ENFORCEMENT = "";
    process.env.A2P_VETTING_DELAY_MS = "60000";
    try {
      const account = await makeAccount();
      const never = await makeService(account.sid);
      await addLongCode(account.sid, never.sid);
      const sent = await finalMessage((await createMessage(account.sid, { to: "+14155550116", messagingServiceSid: never.sid, body: "never registered" })).sid);
      expect(sent).toMatchObject({ status: "delivered", errorCode: null });

      const registering = await makeService(account.sid);
      await addLongCode(account.sid, registering.sid);
      const brand = await createBrand(account.sid, { companyName: "Acme", description: "Acme Retail" });
      await createCampaign(account.sid, registering.sid, campaignInput(brand.sid));
      const pending = await finalMessage((await createMessage(account.sid, { to: "+14155550117", messagingServiceSid: registering.sid, body: "pending" })).sid);
      expect(pending).toMatchObject({ status: "failed", errorCode: 30034 });
    } finally {
      process.env.A2P_10DLC_ENFORCEMENT = "on";
    }
  });

  it("does not apply to toll-free numbers or to a service with a preregistered campaign", async () => {
    const account = await makeAccount();
    const tollFreeService = await makeService(account.sid);
    await db.phoneNumber.create({
      data: { sid: newSid("PN"), accountSid: account.sid, phoneNumber: `+1833555${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}`, friendlyName: "tf", isoCountry: "US", numberType: "toll_free", serviceSid: tollFreeService.sid, addedToServiceAt: new Date() },
    });
    const tf = await finalMessage((await createMessage(account.sid, { to: "+14155550114", messagingServiceSid: tollFreeService.sid, body: "toll-free" })).sid);
    expect(tf.status).toBe("delivered");

    const preregistered = await makeService(account.sid);
    await addLongCode(account.sid, preregistered.sid);
    await createPreregisteredCampaign(account.sid, { campaignId: "CPRE123", serviceSid: preregistered.sid });
    const pre = await finalMessage((await createMessage(account.sid, { to: "+14155550115", messagingServiceSid: preregistered.sid, body: "pre" })).sid);
    expect(pre.status).toBe("delivered");
  });
});
