import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createService } from "@/lib/server/services/messaging-services/create-service";
import { updateService } from "@/lib/server/services/messaging-services/update-service";
import { createBrand, createCampaign } from "@/lib/server/services/compliance/a2p-registrations";
import { createCampaignSchema } from "@/lib/server/services/compliance/a2p-schema";
import { buyNumberIntoPool } from "@/lib/server/services/sender-pool/buy-number-into-pool";
import { addAlphaSender } from "@/lib/server/services/sender-pool/add-alpha-sender";
import { POOL_LIMIT } from "@/lib/server/services/sender-pool/pool-lock";
import { loadSetupProgress } from "@/lib/server/services/setup/load-setup-progress";
import { recordSetupStep } from "@/lib/server/services/setup/record-setup-step";
import { searchAvailableNumbers } from "@/lib/server/services/phone-numbers/search-available-numbers";
import { poolAddOptions } from "@/lib/server/services/sender-pool/pool-add-options";
import { buyPhoneNumber } from "@/lib/server/services/phone-numbers/buy-phone-number";
import { searchFromParams } from "@/lib/server/services/phone-numbers/search-from-params";
import { createShortCode } from "@/lib/server/services/short-codes/create-short-code";
import { accountWithService, expectCode, fillPool, ownNumber } from "./pool-fixtures";

/** A free number of the simulated inventory whose capabilities match (…9 is voice-only). */
async function freeInventoryNumber(areaCode: string, voiceOnly = false): Promise<string> {
  const found = await searchAvailableNumbers("", { country: "US", type: "local", areaCode, limit: 100 });
  const n = found.find((x) => (voiceOnly ? !x.capabilities.sms : x.capabilities.sms));
  if (!n) throw new Error(`inventory of ${areaCode} exhausted`);
  return n.phoneNumber;
}

describe("guided setup progress", () => {
  it("starts with only the service done, and follows the pool, integration and choices", async () => {
    const { accountSid, service } = await accountWithService("Setup");
    let p = await loadSetupProgress(accountSid, service.sid);
    expect(p.states).toEqual({ details: "done", senders: "to_do", integration: "to_do", compliance: "not_needed", test: "destination" });

    await recordSetupStep(accountSid, { serviceSid: service.sid, step: "senders", state: "skipped" });
    await recordSetupStep(accountSid, { serviceSid: service.sid, step: "integration", state: "skipped" });
    p = await loadSetupProgress(accountSid, service.sid);
    expect(p.states.senders).toBe("skipped");
    expect(p.states.integration).toBe("skipped");

    // A later choice replaces the earlier one (one row per step).
    await recordSetupStep(accountSid, { serviceSid: service.sid, step: "integration", state: "confirmed" });
    expect((await loadSetupProgress(accountSid, service.sid)).states.integration).toBe("done");
    expect(await db.serviceSetupStep.count({ where: { serviceSid: service.sid } })).toBe(2);

    // A US long code in the pool: senders done, compliance now to do.
    const n = await ownNumber(accountSid);
    await db.phoneNumber.update({ where: { sid: n.sid }, data: { serviceSid: service.sid, addedToServiceAt: new Date() } });
    p = await loadSetupProgress(accountSid, service.sid);
    expect(p.facts).toMatchObject({ poolSize: 1, usLongCodes: 1 });
    expect(p.states).toMatchObject({ senders: "done", compliance: "to_do" });

    // A campaign submitted: in review.
    const brand = await createBrand(accountSid, { companyName: "Acme", description: "Acme Inc" });
    const campaign = createCampaignSchema.parse({
      brandSid: brand.sid,
      usecase: "ACCOUNT_NOTIFICATION",
      description: "Order and delivery updates for the customers of Acme",
      messageFlow: "Customers opt in at checkout on acme.example by ticking a box",
      messageSamples: ["Your order 1234 has shipped today", "Your order 1234 was delivered today"],
      hasEmbeddedLinks: "false",
      hasEmbeddedPhone: "false",
    });
    await createCampaign(accountSid, service.sid, campaign);
    expect((await loadSetupProgress(accountSid, service.sid)).states.compliance).toBe("in_review");
  });

  it("counts a non-default integration as done without a recorded choice", async () => {
    const { accountSid, service } = await accountWithService();
    await updateService(accountSid, service.sid, { statusCallback: "https://example.com/status" });
    expect((await loadSetupProgress(accountSid, service.sid)).states.integration).toBe("done");
    const other = await createService(accountSid, { friendlyName: "Inbound" });
    await updateService(accountSid, other.sid, { incomingHandling: "conversation" });
    expect((await loadSetupProgress(accountSid, other.sid)).states.integration).toBe("done");
  });

  it("toll-free numbers and alpha senders do not make A2P 10DLC needed", async () => {
    const { accountSid, service } = await accountWithService();
    const tf = await ownNumber(accountSid, { phoneNumber: `+1844555${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}` });
    await db.phoneNumber.update({ where: { sid: tf.sid }, data: { serviceSid: service.sid, numberType: "toll_free" } });
    await addAlphaSender(accountSid, service.sid, { alphaSender: "Acme" });
    const p = await loadSetupProgress(accountSid, service.sid);
    expect(p.facts).toMatchObject({ poolSize: 2, usLongCodes: 0 });
    expect(p.states.compliance).toBe("not_needed");
  });

  it("another account's service is not found, and nothing is recorded", async () => {
    const mine = await accountWithService();
    const theirs = await accountWithService();
    await expectCode(loadSetupProgress(theirs.accountSid, mine.service.sid), 20404, 404);
    await expectCode(recordSetupStep(theirs.accountSid, { serviceSid: mine.service.sid, step: "senders", state: "skipped" }), 20404, 404);
    expect(await db.serviceSetupStep.count({ where: { serviceSid: mine.service.sid } })).toBe(0);
  });

  it("a deleted service takes its recorded steps with it", async () => {
    const { accountSid, service } = await accountWithService();
    await recordSetupStep(accountSid, { serviceSid: service.sid, step: "compliance", state: "skipped" });
    await db.service.delete({ where: { sid: service.sid } });
    expect(await db.serviceSetupStep.count({ where: { serviceSid: service.sid } })).toBe(0);
  });
});

describe("buy a number straight into the pool", () => {
  it("buys it and adds it in one write", async () => {
    const { accountSid, service } = await accountWithService();
    const number = await freeInventoryNumber("512");
    const n = await buyNumberIntoPool(accountSid, { serviceSid: service.sid, phoneNumber: number });
    expect(n).toMatchObject({ accountSid, phoneNumber: number, serviceSid: service.sid, isoCountry: "US", numberType: "local" });
    expect(n.addedToServiceAt).toBeInstanceOf(Date);
    // Taken now: a second buyer is refused (21422), whoever it is.
    const other = await accountWithService();
    await expectCode(buyNumberIntoPool(other.accountSid, { serviceSid: other.service.sid, phoneNumber: number }), 21422);
  });

  it("a refusal of either half leaves no purchase behind", async () => {
    const { accountSid, service } = await accountWithService();
    // Voice-only: bought, then refused by the pool (21715): rolled back.
    const voice = await freeInventoryNumber("512", true);
    await expectCode(buyNumberIntoPool(accountSid, { serviceSid: service.sid, phoneNumber: voice }), 21715);
    expect(await db.phoneNumber.count({ where: { phoneNumber: voice } })).toBe(0);

    // A full pool (21714): nothing bought.
    await fillPool(accountSid, service.sid, POOL_LIMIT);
    const number = await freeInventoryNumber("512");
    await expectCode(buyNumberIntoPool(accountSid, { serviceSid: service.sid, phoneNumber: number }), 21714);
    expect(await db.phoneNumber.count({ where: { phoneNumber: number } })).toBe(0);

    // Another account's service (20404): nothing bought.
    const other = await accountWithService();
    await expectCode(buyNumberIntoPool(other.accountSid, { serviceSid: service.sid, phoneNumber: number }), 20404, 404);
    expect(await db.phoneNumber.count({ where: { phoneNumber: number } })).toBe(0);

    // Not a number: 21421 at the field.
    const e = await expectCode(buyNumberIntoPool(other.accountSid, { serviceSid: other.service.sid, phoneNumber: "12" }), 21421);
    expect(e.field).toBe("phoneNumber");
  });
});

describe("the shared loaders of the senders step", () => {
  it("poolAddOptions: the account's other numbers and short codes, free first, those in another service named", async () => {
    const { accountSid, service } = await accountWithService("Main");
    const other = await createService(accountSid, { friendlyName: "Elsewhere" });
    const inPool = await ownNumber(accountSid);
    const inOther = await ownNumber(accountSid);
    const free = await ownNumber(accountSid);
    const voice = await ownNumber(accountSid, { sms: false });
    await db.phoneNumber.update({ where: { sid: inPool.sid }, data: { serviceSid: service.sid } });
    await db.phoneNumber.update({ where: { sid: inOther.sid }, data: { serviceSid: other.sid } });
    const sc = await createShortCode(accountSid, { shortCode: String(10000 + Math.floor(Math.random() * 89999)), isoCountry: "US" });
    const stranger = await accountWithService();
    await ownNumber(stranger.accountSid);

    const { numberOptions, shortCodeOptions } = await poolAddOptions(accountSid, service.sid);
    expect(numberOptions.map((o) => o.value)).not.toContain(inPool.sid);
    expect(numberOptions).toHaveLength(3); // never another account's
    expect(numberOptions.at(-1)).toEqual({ value: inOther.sid, label: `${inOther.phoneNumber} (US, local) — in Elsewhere` });
    expect(numberOptions.find((o) => o.value === free.sid)?.label).toBe(`${free.phoneNumber} (US, local)`);
    expect(numberOptions.find((o) => o.value === voice.sid)?.label).toContain("— no SMS");
    expect(shortCodeOptions).toEqual([{ value: sc.sid, label: `${sc.shortCode} (US)` }]);
  });

  it("searchFromParams: no search until asked, field errors by name, results without owned numbers", async () => {
    const { accountSid } = await accountWithService();
    expect(await searchFromParams(accountSid, {})).toEqual({ values: { country: "US", type: "local", areaCode: "", capability: "" }, errors: {}, results: null });
    const bad = await searchFromParams(accountSid, { search: "1", country: "ZZ", areaCode: "12345678" });
    expect(bad.results).toBeNull();
    expect(Object.keys(bad.errors).sort()).toEqual(["areaCode", "country"]);
    const owned = await freeInventoryNumber("919");
    await buyPhoneNumber(accountSid, { phoneNumber: owned });
    const found = await searchFromParams(accountSid, { search: "1", country: "US", type: "local", areaCode: "919" });
    expect(found.results?.length).toBeGreaterThan(0);
    expect(found.results?.map((r) => r.phoneNumber)).not.toContain(owned);
    expect(found.results?.every((r) => r.phoneNumber.startsWith("+1919"))).toBe(true);
  });
});
