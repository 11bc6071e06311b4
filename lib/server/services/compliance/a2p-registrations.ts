import { randomInt } from "node:crypto";
import { brandStatus, campaignStatus, type BrandStatus, type CampaignStatus } from "@/lib/core/a2p/vetting";
import type { A2pBrand, A2pCampaign } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { AppError, isUniqueViolation, notFound } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { lockAuditedRow } from "@/lib/server/services/audit/lock-audited-row";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { vettingDelayMs } from "./a2p-settings";
import type { CreateCampaignInput, UpdateCampaignInput } from "./a2p-schema";

export type BrandWithStatus = A2pBrand & { status: BrandStatus };
export type CampaignWithStatus = A2pCampaign & { status: CampaignStatus; brand: A2pBrand | null };

/** Statuses are computed when read, from the stored submission and the clock (lib/core/a2p/vetting.ts). */
export const withBrandStatus = (b: A2pBrand, now: Date): BrandWithStatus => ({ ...b, status: brandStatus(b, now, vettingDelayMs()) });
export const withCampaignStatus = (c: A2pCampaign & { brand: A2pBrand | null }, now: Date): CampaignWithStatus => ({
  ...c,
  status: campaignStatus(c, c.brand, now, vettingDelayMs()),
});

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** A TCR-style campaign ID: C and 6 letters or digits. */
const newCampaignId = () => "C" + Array.from({ length: 6 }, () => ALNUM[randomInt(ALNUM.length)]).join("");

export async function createBrand(accountSid: string, input: { companyName: string; description: string }) {
  return db.$transaction(async (tx) => {
    const brand = await tx.a2pBrand.create({ data: { sid: newSid("BN"), accountSid, companyName: input.companyName, description: input.description } });
    await recordAudit(tx, { accountSid, action: "a2p_brand.create", resource: { type: "a2p_brand", sid: brand.sid }, after: brand });
    return brand;
  });
}

export async function listBrands(accountSid: string, now = new Date()) {
  const brands = await db.a2pBrand.findMany({ where: { accountSid }, orderBy: [{ createdAt: "desc" }, { sid: "asc" }] });
  return brands.map((b) => withBrandStatus(b, now));
}

async function getBrand(accountSid: string, sid: string) {
  const brand = await db.a2pBrand.findFirst({ where: { sid, accountSid } });
  if (!brand) throw new AppError(21719, `Brand ${sid} was not found in this account`, 400, "brandSid");
  return brand;
}

/** The service's campaign (at most one), or null; another account's service is 20404. */
export async function findServiceCampaign(accountSid: string, serviceSid: string, now = new Date()): Promise<CampaignWithStatus | null> {
  await getService(accountSid, serviceSid);
  const c = await db.a2pCampaign.findFirst({ where: { serviceSid, accountSid }, include: { brand: true } });
  return c ? withCampaignStatus(c, now) : null;
}

export async function getCampaign(accountSid: string, serviceSid: string, sid: string, now = new Date()) {
  const c = await findServiceCampaign(accountSid, serviceSid, now);
  if (!c || c.sid !== sid) throw notFound(`The requested resource /Services/${serviceSid}/Compliance/Usa2p/${sid} was not found`);
  return c;
}

const conflict = (serviceSid: string) => new AppError(21712, `Messaging Service ${serviceSid} already has an A2P campaign`, 409);

/** Registers the service's campaign with one of the account's brands; the unique service_sid is the one-campaign guarantee. */
export async function createCampaign(accountSid: string, serviceSid: string, input: CreateCampaignInput) {
  await getService(accountSid, serviceSid);
  const brand = await getBrand(accountSid, input.brandSid);
  const { brandSid: _b, ...fields } = input;
  try {
    await db.$transaction(async (tx) => {
      const campaign = await tx.a2pCampaign.create({
        data: {
          ...fields,
          sid: newSid("QE"),
          accountSid,
          serviceSid,
          brandSid: brand.sid,
          campaignId: newCampaignId(),
          optInKeywords: input.optInKeywords ?? [],
          optOutKeywords: input.optOutKeywords ?? [],
          helpKeywords: input.helpKeywords ?? [],
        },
      });
      await recordAudit(tx, { accountSid, action: "a2p_campaign.create", resource: { type: "a2p_campaign", sid: campaign.sid, serviceSid }, after: campaign });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(serviceSid);
    throw err;
  }
  return (await findServiceCampaign(accountSid, serviceSid)) as CampaignWithStatus;
}

/** Changing a campaign sends it back to vetting (submitted_at moves), as carriers re-review an edited campaign. */
export async function updateCampaign(accountSid: string, serviceSid: string, sid: string, input: UpdateCampaignInput) {
  await getCampaign(accountSid, serviceSid, sid);
  await db.$transaction(async (tx) => {
    if (!(await lockAuditedRow(tx, "a2pCampaign", sid, accountSid))) return;
    const before = await tx.a2pCampaign.findUniqueOrThrow({ where: { sid } });
    if (before.serviceSid !== serviceSid || before.externallyRegistered) return;
    const after = await tx.a2pCampaign.update({ where: { sid }, data: { ...input, submittedAt: new Date() } });
    // submittedAt moves on every edit (back to vetting); the fields edited are the change.
    await recordAudit(tx, { accountSid, action: "a2p_campaign.update", resource: { type: "a2p_campaign", sid, serviceSid }, before, after, ignore: ["submittedAt"] });
  });
  return getCampaign(accountSid, serviceSid, sid);
}

export async function deleteCampaign(accountSid: string, serviceSid: string, sid: string) {
  await getService(accountSid, serviceSid);
  await db.$transaction(async (tx) => {
    const found = (await lockAuditedRow(tx, "a2pCampaign", sid, accountSid)) && (await tx.a2pCampaign.findUniqueOrThrow({ where: { sid } }));
    if (!found || found.serviceSid !== serviceSid) throw notFound(`The requested resource /Services/${serviceSid}/Compliance/Usa2p/${sid} was not found`);
    await tx.a2pCampaign.delete({ where: { sid } });
    await recordAudit(tx, { accountSid, action: "a2p_campaign.delete", resource: { type: "a2p_campaign", sid, serviceSid }, before: found });
  });
}

/** PreregisteredUsa2p: a campaign registered outside this platform, verified at once (docs/api.md). */
export async function createPreregisteredCampaign(accountSid: string, input: { campaignId: string; serviceSid: string }) {
  await getService(accountSid, input.serviceSid);
  try {
    return await db.$transaction(async (tx) => {
      const campaign = await tx.a2pCampaign.create({
        data: {
          sid: newSid("QE"),
          accountSid,
          serviceSid: input.serviceSid,
          campaignId: input.campaignId,
          externallyRegistered: true,
          usecase: "",
          description: "",
          messageFlow: "",
          messageSamples: [],
          optInKeywords: [],
          optOutKeywords: [],
          helpKeywords: [],
        },
      });
      await recordAudit(tx, { accountSid, action: "a2p_campaign.create", resource: { type: "a2p_campaign", sid: campaign.sid, serviceSid: input.serviceSid }, after: campaign });
      return campaign;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(input.serviceSid);
    throw err;
  }
}

/** Which of these services have a VERIFIED campaign (the Service resource's us_app_to_person_registered). */
export async function registeredServices(accountSid: string, serviceSids: string[], now = new Date()): Promise<Set<string>> {
  if (serviceSids.length === 0) return new Set();
  const rows = await db.a2pCampaign.findMany({ where: { accountSid, serviceSid: { in: serviceSids } }, include: { brand: true } });
  return new Set(rows.filter((c) => withCampaignStatus(c, now).status === "VERIFIED").map((c) => c.serviceSid));
}

/** The Compliance page's A2P section: the account's brands and the service's campaign, with statuses as of now. */
export async function loadA2pRegistration(accountSid: string, serviceSid: string, now = new Date()): Promise<{ brands: BrandWithStatus[]; campaign: CampaignWithStatus | null }> {
  const [brands, campaign] = await Promise.all([listBrands(accountSid, now), findServiceCampaign(accountSid, serviceSid, now)]);
  return { brands, campaign };
}
