import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrand } from "@/lib/server/services/compliance/a2p-registrations";
import { startApiServer, type ApiServer } from "./api-server";
import { conformanceClient, nonConforming, type Recorded } from "./api-conformance-fixtures";
import { makeAccount, makeService } from "./pipeline-fixtures";

// The simulator's delay is read on every status check (docs/api.md "A2P 10DLC"): a minute keeps a
// registration PENDING however loaded the machine is, 0 lets vetting finish.
const vetting = (ms: number) => void (process.env.A2P_VETTING_DELAY_MS = String(ms));
const PENDING_FOR_A_MINUTE = 60_000;

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  delete process.env.A2P_VETTING_DELAY_MS;
  await server?.stop();
});

const campaign = (brandSid: string, description = "Order and delivery notifications for customers of Acme Retail.") => ({
  brandRegistrationSid: brandSid,
  description,
  messageFlow: "Customers opt in at checkout on acme.example by ticking the SMS box.",
  messageSamples: ["Your order #1234 has shipped and arrives Tuesday.", "Your order #1234 was delivered. Reply STOP to opt out."],
  usAppToPersonUsecase: "DELIVERY_NOTIFICATION",
  hasEmbeddedLinks: false,
  hasEmbeddedPhone: false,
});

describe("v1 Compliance/Usa2p", () => {
  it("create, list, fetch, update, delete; PENDING then VERIFIED after the vetting delay", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const brand = await createBrand(account.sid, { companyName: "Acme", description: "Acme Retail, online shop" });
    const recorded: Recorded[] = [];
    const svc = conformanceClient(server, account.sid, account.authToken, recorded).messaging.v1.services(service.sid);

    const usecases = await svc.usAppToPersonUsecases.fetch({ brandRegistrationSid: brand.sid });
    expect((usecases.usAppToPersonUsecases as { code: string }[]).map((u) => u.code)).toContain("DELIVERY_NOTIFICATION");

    vetting(PENDING_FOR_A_MINUTE);
    const created = await svc.usAppToPerson.create({ ...campaign(brand.sid), optOutKeywords: ["STOP", "QUIT"] });
    expect((await svc.fetch()).usAppToPersonRegistered).toBe(false);
    expect(created).toMatchObject({ brandRegistrationSid: brand.sid, messagingServiceSid: service.sid, campaignStatus: "PENDING", isExternallyRegistered: false, optOutKeywords: ["STOP", "QUIT"] });
    expect(created.sid).toMatch(/^QE[0-9a-f]{32}$/);
    expect(created.campaignId).toMatch(/^C[A-Z0-9]{6}$/);
    await expect(svc.usAppToPerson.create(campaign(brand.sid))).rejects.toMatchObject({ status: 409 });
    expect((await svc.usAppToPerson.list()).map((c) => c.sid)).toEqual([created.sid]);

    vetting(0);
    const verified = await svc.usAppToPerson(created.sid).fetch();
    expect(verified.campaignStatus).toBe("VERIFIED");
    expect(verified.rateLimits).not.toBeNull();

    // An update sends the campaign back to vetting; "FAIL" in its description fails it.
    vetting(PENDING_FOR_A_MINUTE);
    const updated = await svc.usAppToPerson(created.sid).update({
      hasEmbeddedLinks: true,
      hasEmbeddedPhone: false,
      messageSamples: ["Your order #1234 has shipped: https://acme.example/t/1", "Delivered! Reply STOP to opt out of updates."],
      messageFlow: "Customers opt in at checkout on acme.example by ticking the SMS box.",
      description: "Order notifications. Simulator: please FAIL this campaign on vetting.",
      ageGated: false,
      directLending: false,
    });
    expect(updated).toMatchObject({ campaignStatus: "PENDING", hasEmbeddedLinks: true });
    vetting(0);
    const failed = await svc.usAppToPerson(created.sid).fetch();
    expect(failed.campaignStatus).toBe("FAILED");
    expect(failed.errors).toHaveLength(1);

    expect(await svc.usAppToPerson(created.sid).remove()).toBe(true);
    expect(await svc.usAppToPerson.list()).toEqual([]);
    expect(nonConforming(recorded)).toEqual([]);
  });

  it("refuses a missing field, an unknown use case and another account's brand", async () => {
    const account = await makeAccount();
    const other = await makeAccount();
    const service = await makeService(account.sid);
    const theirs = await createBrand(other.sid, { companyName: "Other", description: "x" });
    const mine = await createBrand(account.sid, { companyName: "Mine", description: "x" });
    const svc = conformanceClient(server, account.sid, account.authToken, []).messaging.v1.services(service.sid);
    await expect(svc.usAppToPerson.create(campaign(theirs.sid))).rejects.toMatchObject({ status: 400, code: 21719 });
    await expect(svc.usAppToPerson.create({ ...campaign(mine.sid), usAppToPersonUsecase: "CASINO" })).rejects.toMatchObject({ status: 400 });
    await expect(svc.usAppToPerson.create({ ...campaign(mine.sid), messageSamples: ["only one sample, long enough"] })).rejects.toMatchObject({ status: 400 });
  });

  it("a brand that fails vetting fails its campaign", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const brand = await createBrand(account.sid, { companyName: "Shady", description: "FAIL brand" });
    const svc = conformanceClient(server, account.sid, account.authToken, []).messaging.v1.services(service.sid);
    const c = await svc.usAppToPerson.create(campaign(brand.sid));
    vetting(0);
    expect((await svc.usAppToPerson(c.sid).fetch()).campaignStatus).toBe("FAILED");
  });

  it("another account's service is a 404 for every operation", async () => {
    const a = await makeAccount();
    const b = await makeAccount();
    const service = await makeService(a.sid);
    const brand = await createBrand(a.sid, { companyName: "A", description: "a" });
    const c = await conformanceClient(server, a.sid, a.authToken, []).messaging.v1.services(service.sid).usAppToPerson.create(campaign(brand.sid));
    const asB = conformanceClient(server, b.sid, b.authToken, []).messaging.v1;
    await expect(asB.services(service.sid).usAppToPerson.list()).rejects.toMatchObject({ status: 404 });
    await expect(asB.services(service.sid).usAppToPerson(c.sid).fetch()).rejects.toMatchObject({ status: 404 });
    await expect(asB.services(service.sid).usAppToPerson(c.sid).remove()).rejects.toMatchObject({ status: 404 });
    await expect(asB.services(service.sid).usAppToPersonUsecases.fetch()).rejects.toMatchObject({ status: 404 });
    await expect(asB.externalCampaign.create({ campaignId: "CABC123", messagingServiceSid: service.sid })).rejects.toMatchObject({ status: 404 });
  });
});

describe("v1 Services/PreregisteredUsa2p", () => {
  it("attaches a campaign registered elsewhere, verified at once; one per service", async () => {
    const account = await makeAccount();
    const service = await makeService(account.sid);
    const recorded: Recorded[] = [];
    const v1 = conformanceClient(server, account.sid, account.authToken, recorded).messaging.v1;
    const ext = await v1.externalCampaign.create({ campaignId: "CXYZ789", messagingServiceSid: service.sid });
    expect(ext).toMatchObject({ campaignId: "CXYZ789", messagingServiceSid: service.sid, accountSid: account.sid });
    const [c] = await v1.services(service.sid).usAppToPerson.list();
    expect(c).toMatchObject({ sid: ext.sid, campaignStatus: "VERIFIED", isExternallyRegistered: true, brandRegistrationSid: null });
    expect((await v1.services(service.sid).fetch()).usAppToPersonRegistered).toBe(true);
    expect((await v1.services.list()).find((x) => x.sid === service.sid)?.usAppToPersonRegistered).toBe(true);
    await expect(v1.externalCampaign.create({ campaignId: "CXYZ788", messagingServiceSid: service.sid })).rejects.toMatchObject({ status: 409 });
    await expect(v1.externalCampaign.create({ campaignId: "not-an-id", messagingServiceSid: service.sid })).rejects.toMatchObject({ status: 400 });
    expect(nonConforming(recorded)).toEqual([]);
  });
});
