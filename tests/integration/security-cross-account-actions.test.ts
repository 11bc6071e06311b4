import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Issue 18: every exported server action, called as account B with account
 * A's SIDs (and A's numbers, names, domain) in every field that names a
 * resource, is refused; A's rows are the same afterwards; nothing of A's
 * that B did not send comes back. The actions are found by scanning for
 * `"use server"` modules (docs/security.md "Cross-account"): an action
 * without an entry in INPUTS fails the walk, so a new action must say how it
 * is called here.
 */
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("server-only", () => ({}));
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => session.current }));
// Outside a Next request: cache invalidation is a no-op, and headers/cookies are a fixed request's.
vi.mock("next/cache", async (orig) => ({ ...(await orig<typeof import("next/cache")>()), revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined, refresh: () => undefined }));
vi.mock("next/headers", async (orig) => {
  const jar = new Map<string, string>();
  return {
    ...(await orig<typeof import("next/headers")>()),
    headers: async () => new Headers({ "x-switchyard-client-ip": "cross-account-actions" }),
    cookies: async () => ({
      get: (n: string) => (jar.has(n) ? { name: n, value: jar.get(n) } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (n: string) => jar.has(n),
      set: (n: string, v: string) => void jar.set(n, v),
      delete: (n: string) => void jar.delete(n),
    }),
  };
});

process.env.SECRETS_KEY ??= "cross-account-actions-secret"; // carriers seal their passwords with it

const { db } = await import("@/lib/server/db/client");
const { migrateQueueSchema } = await import("@/lib/server/pipeline/queue-schema");
const { accountWithService, ownNumber } = await import("./pool-fixtures");
const { createAccount } = await import("@/lib/server/services/accounts/create-account");
const { createInvite } = await import("@/lib/server/services/users/invites");
const { createService } = await import("@/lib/server/services/messaging-services/create-service");
const { addPhoneNumberToService } = await import("@/lib/server/services/sender-pool/add-phone-number-to-service");
const { addShortCodeToService } = await import("@/lib/server/services/sender-pool/add-short-code-to-service");
const { addAlphaSender } = await import("@/lib/server/services/sender-pool/add-alpha-sender");
const { addChannelSender } = await import("@/lib/server/services/sender-pool/add-channel-sender");
const { createShortCode } = await import("@/lib/server/services/short-codes/create-short-code");
const { createDomain } = await import("@/lib/server/services/links/create-domain");
const { associateService } = await import("@/lib/server/services/links/associate-service");
const { createCarrier } = await import("@/lib/server/services/carriers/create-carrier");
const { createCarrierRoute } = await import("@/lib/server/services/carriers/save-carrier-route");
const { createBrand, createCampaign } = await import("@/lib/server/services/compliance/a2p-registrations");
const { createApiKey } = await import("@/lib/server/services/api-keys/api-keys");
const { addOptOut } = await import("@/lib/server/services/opt-out/change-opt-out");
const { receiveInboundMessage } = await import("@/lib/server/services/messages/receive-inbound-message");
const { addInboundToConversation } = await import("@/lib/server/services/conversations/add-inbound-to-conversation");
const { decryptToken } = await import("@/lib/server/security/token-crypto");

// --- the actions: every export of every "use server" module ----------------------------------------
const SCAN_ROOTS = ["lib/server", "app"];
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}
/** A module-level directive: the first statement, after comments. */
const isServerModule = (src: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(src);
const actionModules = SCAN_ROOTS.flatMap(sourceFiles).filter((f) => isServerModule(readFileSync(f, "utf8")));

type Action = (...args: unknown[]) => Promise<unknown>;
async function loadActions(): Promise<Map<string, { file: string; fn: Action }>> {
  const found = new Map<string, { file: string; fn: Action }>();
  for (const file of actionModules) {
    const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      const prior = found.get(name);
      if (prior) throw new Error(`Two server actions named ${name}: ${prior.file} and ${file}; INPUTS is keyed by name`);
      found.set(name, { file, fn: value as Action });
    }
  }
  return found;
}

// --- fixtures --------------------------------------------------------------------------------------
interface Victim {
  marker: string;
  accountSid: string;
  authToken: string;
  email: string;
  serviceSid: string;
  pooledNumber: { sid: string; phoneNumber: string };
  freeNumber: { sid: string; phoneNumber: string };
  shortCode: { sid: string; shortCode: string };
  freeShortCode: { sid: string; shortCode: string };
  alphaSenderSid: string;
  channelSenderSid: string;
  domain: { sid: string; domainName: string };
  carrierSid: string;
  carrierRouteSid: string;
  brandSid: string;
  campaignSid: string;
  apiKeySid: string;
  optedOut: string;
  conversationSid: string;
  userId: string;
  inviteId: string;
}
interface Intruder {
  accountSid: string;
  userId: string;
  email: string;
  serviceSid: string;
  numberSid: string;
  domainSid: string;
  carrierSid: string;
  carrierRouteSid: string;
  brandSid: string;
}
let a: Victim;
let b: Intruder;

const hex = (n: number) => randomBytes(n).toString("hex");
const digits = (n: number) => String(Number.parseInt(hex(4), 16)).padStart(n, "7").slice(-n).replace(/^0/, "7");
const campaignFields = (brandSid: string) => ({
  brandSid,
  usecase: "MIXED",
  description: "Order updates and delivery notices for customers who signed up at checkout.",
  messageFlow: "Customers opt in by ticking a box at checkout on our web site, then confirm by SMS.",
  messageSamples: ["Your order 1234 has shipped and arrives Tuesday.", "Reply STOP to stop order updates from this shop."],
  hasEmbeddedLinks: false,
  hasEmbeddedPhone: false,
});

async function makeVictim(): Promise<Victim> {
  const marker = `victim-${hex(6)}`;
  const owner = await accountWithService(marker);
  const acc = owner.accountSid;
  const svc = owner.service.sid;
  const row = await db.account.findUniqueOrThrow({ where: { sid: acc }, include: { users: true } });
  const pooled = await ownNumber(acc);
  await addPhoneNumberToService(acc, svc, pooled.sid);
  const free = await ownNumber(acc);
  const sc = await createShortCode(acc, { shortCode: digits(6), isoCountry: "US" });
  await addShortCodeToService(acc, svc, sc.sid);
  const freeSc = await createShortCode(acc, { shortCode: digits(5), isoCountry: "US" });
  const alpha = await addAlphaSender(acc, svc, { alphaSender: "VICTIMCO" });
  const channel = await addChannelSender(acc, svc, { sender: `whatsapp:${pooled.phoneNumber}`, countries: [] });
  const domain = await createDomain(acc, { domainName: `${marker}.example.com` });
  await associateService(acc, domain.sid, svc);
  const carrier = await createCarrier(acc, { type: "twilio", friendlyName: marker, baseUrl: "https://api.twilio.com", upstreamAccountSid: "AC" + hex(16), authToken: hex(16) });
  const route = await createCarrierRoute(acc, { prefix: "+44", carrierSids: [carrier.sid] });
  const brand = await createBrand(acc, { companyName: marker, description: `${marker} sells shoes online` });
  const campaign = await createCampaign(acc, svc, campaignFields(brand.sid));
  const key = await createApiKey(acc, { friendlyName: marker });
  const optedOut = "+14155550199";
  await addOptOut(acc, svc, optedOut, { source: "console", actor: row.users[0]!.id });
  // A conversation: an inbound message filed into its thread (what the pipeline's job does).
  await db.service.update({ where: { sid: svc }, data: { incomingHandling: "conversation" } });
  const inbound = await receiveInboundMessage({ from: "+14155550130", to: pooled.phoneNumber, body: `${marker} private question` });
  const conversationSid = await db.$transaction((tx) =>
    addInboundToConversation(tx, { sid: inbound.sid, accountSid: acc, serviceSid: svc, from: "+14155550130", to: pooled.phoneNumber, body: inbound.body ?? "", mediaUrls: [], createdAt: inbound.createdAt }),
  );
  const invite = await createInvite(acc, row.users[0]!.id, "developer");
  return {
    marker,
    userId: row.users[0]!.id,
    inviteId: invite.id,
    accountSid: acc,
    authToken: decryptToken(row.authToken),
    email: row.users[0]!.email,
    serviceSid: svc,
    pooledNumber: { sid: pooled.sid, phoneNumber: pooled.phoneNumber },
    freeNumber: { sid: free.sid, phoneNumber: free.phoneNumber },
    shortCode: { sid: sc.sid, shortCode: sc.shortCode },
    freeShortCode: { sid: freeSc.sid, shortCode: freeSc.shortCode },
    alphaSenderSid: alpha.sid,
    channelSenderSid: channel.sid,
    domain: { sid: domain.sid, domainName: domain.domainName },
    carrierSid: carrier.sid,
    carrierRouteSid: route.sid,
    brandSid: brand.sid,
    campaignSid: campaign.sid,
    apiKeySid: key.sid,
    optedOut,
    conversationSid,
  };
}

async function makeIntruder(): Promise<Intruder> {
  const other = await createAccount({ friendlyName: "intruder", email: `in-${hex(5)}@int.test`, password: "long-enough-pass" });
  const acc = other.account.sid;
  const svc = await createService(acc, { friendlyName: "intruder service" });
  const num = await ownNumber(acc);
  const domain = await createDomain(acc, { domainName: `intruder-${hex(4)}.example.com` });
  const carrier = await createCarrier(acc, { type: "twilio", friendlyName: "intruder carrier", baseUrl: "https://api.twilio.com", upstreamAccountSid: "AC" + hex(16), authToken: hex(16) });
  const route = await createCarrierRoute(acc, { prefix: "+33", carrierSids: [carrier.sid] });
  const brand = await createBrand(acc, { companyName: "Intruder Inc", description: "Intruder sells hats" });
  return { accountSid: acc, userId: other.user.id, email: other.user.email, serviceSid: svc.sid, numberSid: num.sid, domainSid: domain.sid, carrierSid: carrier.sid, carrierRouteSid: route.sid, brandSid: brand.sid };
}

// --- how each action is called ---------------------------------------------------------------------
type Form = Record<string, string | string[] | undefined>;
interface Entry {
  /** Forms to submit (each a separate call); A's SIDs in every SID field, and mixes of B's container with A's item. */
  forms?: (a: Victim, b: Intruder) => Form[];
  /** The action takes no arguments (it can only act on the caller's own account). */
  noArgs?: true;
  /** Set when the action names no resource at all: it may succeed, on B's own account. Say why. */
  ownAccountOnly?: string;
  /** What the refusal says (default: not found). */
  refusal?: RegExp;
}
/** An ownership refusal: not found, does not exist, or "not a … of this account" (never "belongs to another account"). */
const NOT_FOUND = /not found|does not exist|is not an? [\w ]+ of this account/i;

const INPUTS: Record<string, Entry> = {
  // Services
  createServiceAction: { ownAccountOnly: "creates a service of the caller's account", forms: (a) => [{ friendlyName: a.marker }] },
  updateServiceAction: { forms: (a) => [{ sid: a.serviceSid, friendlyName: "hijacked" }] },
  deleteServiceAction: { forms: (a) => [{ sid: a.serviceSid }] },
  updateIntegrationAction: {
    forms: (a) => [{ sid: a.serviceSid, incomingHandling: "webhook", inboundRequestUrl: "https://evil.example/in", inboundMethod: "POST", statusCallback: "https://evil.example/cb", validityPeriod: "600" }],
  },
  // Sender pool
  addPhoneNumberAction: { forms: (a, b) => [{ serviceSid: a.serviceSid, phoneNumberSid: a.freeNumber.sid }, { serviceSid: b.serviceSid, phoneNumberSid: a.freeNumber.sid }, { serviceSid: b.serviceSid, phoneNumberSid: a.pooledNumber.sid }, { serviceSid: a.serviceSid, phoneNumberSid: b.numberSid }] },
  addShortCodeAction: { forms: (a, b) => [{ serviceSid: a.serviceSid, shortCodeSid: a.freeShortCode.sid }, { serviceSid: b.serviceSid, shortCodeSid: a.freeShortCode.sid }, { serviceSid: b.serviceSid, shortCodeSid: a.shortCode.sid }] },
  addAlphaSenderAction: { forms: (a) => [{ serviceSid: a.serviceSid, alphaSender: "HIJACK" }] },
  addWhatsAppSenderAction: { forms: (a) => [{ serviceSid: a.serviceSid, whatsappNumber: "+14155550111" }] },
  addRcsSenderAction: { forms: (a) => [{ serviceSid: a.serviceSid, rcsAgentId: "hijack_agent", rcsCountries: "US" }] },
  removeSenderAction: {
    forms: (a, b) =>
      [a.pooledNumber.sid, a.shortCode.sid, a.alphaSenderSid, a.channelSenderSid].flatMap((senderSid) => [
        { serviceSid: a.serviceSid, senderSid },
        { serviceSid: b.serviceSid, senderSid },
      ]),
  },
  // Numbers and short codes
  buyNumberAction: { forms: (a) => [{ phoneNumber: a.pooledNumber.phoneNumber }, { phoneNumber: a.freeNumber.phoneNumber }], refusal: /./ },
  updatePhoneNumberAction: { forms: (a, b) => [{ sid: a.pooledNumber.sid, friendlyName: "hijacked", smsUrl: "https://evil.example/sms" }, { sid: a.freeNumber.sid, carrierSid: b.carrierSid }] },
  releasePhoneNumberAction: { forms: (a) => [{ sid: a.pooledNumber.sid }, { sid: a.freeNumber.sid }] },
  createShortCodeAction: { forms: (a) => [{ shortCode: a.shortCode.shortCode, isoCountry: "US" }], refusal: /./ },
  deleteShortCodeAction: { forms: (a) => [{ sid: a.shortCode.sid }, { sid: a.freeShortCode.sid }] },
  // Carriers
  createCarrierAction: { ownAccountOnly: "creates a carrier of the caller's account", forms: () => [{ type: "twilio", friendlyName: "mine", baseUrl: "https://api.twilio.com", upstreamAccountSid: "AC" + hex(16), authToken: hex(16) }] },
  updateCarrierAction: { forms: (a) => [{ sid: a.carrierSid, friendlyName: "hijacked" }] },
  setCarrierEnabledAction: { forms: (a) => [{ sid: a.carrierSid, enabled: "false" }] },
  deleteCarrierAction: { forms: (a) => [{ sid: a.carrierSid }] },
  createCarrierRouteAction: { forms: (a) => [{ prefix: "+49", carrier1: a.carrierSid }] },
  updateCarrierRouteAction: { forms: (a, b) => [{ sid: a.carrierRouteSid, prefix: "+45", carrier1: b.carrierSid }, { sid: b.carrierRouteSid, prefix: "+33", carrier1: a.carrierSid }] },
  deleteCarrierRouteAction: { forms: (a) => [{ sid: a.carrierRouteSid }] },
  setSenderCarrierAction: {
    forms: (a, b) => [
      { kind: "phoneNumber", sid: a.pooledNumber.sid, carrierSid: b.carrierSid },
      { kind: "shortCode", sid: a.shortCode.sid, carrierSid: "" },
      { kind: "alphaSender", sid: a.alphaSenderSid, carrierSid: "" },
      { kind: "phoneNumber", sid: b.numberSid, carrierSid: a.carrierSid },
    ],
  },
  // Compliance
  createBrandAction: { forms: (a) => [{ serviceSid: a.serviceSid, companyName: "Hijack Inc", description: "hijacks" }] },
  createCampaignAction: {
    forms: (a, b) => {
      const text = (brandSid: string) => ({ ...campaignFields(brandSid), messageSamples: campaignFields(brandSid).messageSamples.join("\n"), hasEmbeddedLinks: "false", hasEmbeddedPhone: "false" });
      return [{ serviceSid: a.serviceSid, ...text(b.brandSid) }, { serviceSid: b.serviceSid, ...text(a.brandSid) }];
    },
  },
  deleteCampaignAction: { forms: (a, b) => [{ serviceSid: a.serviceSid, sid: a.campaignSid }, { serviceSid: b.serviceSid, sid: a.campaignSid }] },
  // Opt-out
  saveOptOutSettingsAction: {
    forms: (a) => [
      {
        serviceSid: a.serviceSid,
        advancedOptOut: "true",
        "global.optOut.keywords": "STOP, HIJACK",
        "global.optOut.reply": "You are unsubscribed.",
        "global.optIn.keywords": "START",
        "global.optIn.reply": "You are subscribed.",
        "global.help.keywords": "HELP",
        "global.help.reply": "Help text.",
        "new.kind": "",
        "new.key": "",
      },
    ],
  },
  previewKeywordAction: { forms: (a) => [{ serviceSid: a.serviceSid, from: a.optedOut, body: "START" }] },
  addOptOutAction: { forms: (a) => [{ serviceSid: a.serviceSid, phoneNumber: "+14155550188" }] },
  removeOptOutAction: { forms: (a) => [{ serviceSid: a.serviceSid, recipient: a.optedOut }] },
  // Links
  createDomainAction: { forms: (a) => [{ domainName: a.domain.domainName }], refusal: /./ },
  uploadCertificateAction: { forms: (a) => [{ sid: a.domain.sid, tlsCert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" }], refusal: /./ },
  updateDomainConfigAction: { forms: (a) => [{ sid: a.domain.sid, fallbackUrl: "https://evil.example/f" }] },
  associateServiceAction: { forms: (a, b) => [{ domainSid: a.domain.sid, serviceSid: a.serviceSid }, { domainSid: a.domain.sid, serviceSid: b.serviceSid }, { domainSid: b.domainSid, serviceSid: a.serviceSid }] },
  disassociateServiceAction: { forms: (a, b) => [{ domainSid: a.domain.sid, serviceSid: a.serviceSid }, { domainSid: b.domainSid, serviceSid: a.serviceSid }] },
  setServiceDomainAction: { forms: (a, b) => [{ serviceSid: a.serviceSid, domainSid: "" }, { serviceSid: a.serviceSid, domainSid: b.domainSid }, { serviceSid: b.serviceSid, domainSid: a.domain.sid }] },
  deleteDomainAction: { forms: (a) => [{ sid: a.domain.sid }] },
  // Sending
  // With A's number as From on B's service: 21606, the answer for any sender not in the pool (nothing says whose it is).
  sendTestAction: { forms: (a, b) => [{ messagingServiceSid: a.serviceSid, to: "+14155550100", body: "hijack" }, { messagingServiceSid: b.serviceSid, from: a.pooledNumber.phoneNumber, to: "+14155550100", body: "hijack" }], refusal: /does not exist|Error 21606/ },
  simulateReplyAction: { forms: (a) => [{ from: "+14155550130", to: a.pooledNumber.phoneNumber, body: "spoofed reply" }], refusal: /./ },
  replyToConversationAction: { forms: (a) => [{ sid: a.conversationSid, body: "hijacked reply" }] },
  // Settings
  createApiKeyAction: { ownAccountOnly: "creates a key of the caller's account", forms: () => [{ friendlyName: "mine" }] },
  deleteApiKeyAction: { forms: (a) => [{ sid: a.apiKeySid }] },
  revealAuthTokenAction: { noArgs: true, ownAccountOnly: "reveals the caller's own token" },
  updateMessageRetentionAction: { ownAccountOnly: "sets the caller's account's retention", forms: () => [{ messageRetentionDays: "30" }] },
  // Sign-in: A's email with a wrong password; sign-out only ever ends the caller's own sessions.
  signInAction: { forms: (a) => [{ email: a.email, password: "not-the-password", callbackUrl: "/services" }], refusal: /wrong email or password|too many/i },
  signOutAction: { noArgs: true, ownAccountOnly: "revokes the caller's own sessions" },
  // Guided setup
  recordSetupStepAction: { forms: (a) => [{ serviceSid: a.serviceSid, step: "senders", state: "skipped" }, { serviceSid: a.serviceSid, step: "compliance", state: "confirmed" }] },
  // A's own (already bought) number into B's service, and an inventory number into A's service.
  buyNumberIntoPoolAction: { forms: (a, b) => [{ serviceSid: b.serviceSid, phoneNumber: a.freeNumber.phoneNumber }, { serviceSid: a.serviceSid, phoneNumber: "+14155550163" }], refusal: /./ },
  // Team
  createInviteAction: { ownAccountOnly: "invites into the caller's own account", forms: () => [{ role: "read_only" }] },
  revokeInviteAction: { forms: (a) => [{ id: a.inviteId }], refusal: /no pending invite with this id/i },
  changeUserRoleAction: { forms: (a) => [{ userId: a.userId, role: "read_only" }], refusal: /no user with this id in this account/i },
  removeUserAction: { forms: (a) => [{ userId: a.userId }], refusal: /no user with this id in this account/i },
  changePasswordAction: { ownAccountOnly: "changes the caller's own password", forms: () => [{ currentPassword: "not-the-password", newPassword: "another-long-pass-1", confirmPassword: "another-long-pass-1" }], refusal: /./ },
  createSecondaryAuthTokenAction: { ownAccountOnly: "creates the caller's own account's secondary token", forms: () => [{}] },
  promoteSecondaryAuthTokenAction: { ownAccountOnly: "promotes the caller's own account's token", forms: () => [{}] },
  deleteSecondaryAuthTokenAction: { ownAccountOnly: "deletes the caller's own account's secondary token", forms: () => [{}] },
  revealSecondaryAuthTokenAction: { noArgs: true, ownAccountOnly: "reveals the caller's own secondary token" },
  // No session needed: the link is the credential. A forged one with A's email.
  acceptInviteAction: { forms: (a) => [{ token: "forged-" + hex(16), name: "intruder", email: a.email, password: "long-enough-pass" }], refusal: /./ },
};

// --- A's rows, found by A's identifiers anywhere in any table -------------------------------------
const SID = /^[A-Z]{2}[0-9a-f]{32}$/;
async function victimIdentifiers(): Promise<string[]> {
  const ids = new Set<string>([a.accountSid, a.email, a.pooledNumber.phoneNumber, a.freeNumber.phoneNumber, a.domain.domainName]);
  for (const table of await publicTables()) {
    const rows = await db.$queryRawUnsafe<{ j: Record<string, unknown> }[]>(`SELECT to_jsonb(t) AS j FROM "${table}" t WHERE to_jsonb(t)->>'account_sid' = $1`, a.accountSid);
    for (const r of rows) for (const v of Object.values(r.j)) if (typeof v === "string" && SID.test(v)) ids.add(v);
  }
  return [...ids];
}
/** auth_throttle counts B's failed sign-in as A's email: by design (docs/security.md "Throttling"), not a change to A's data. */
const NOT_A_ROW_OF_A = new Set(["_prisma_migrations", "auth_throttle"]);
async function publicTables(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ t: string }[]>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  return rows.map((r) => r.t).filter((t) => !NOT_A_ROW_OF_A.has(t));
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Every row of every table that mentions one of A's identifiers, as text, per table. */
async function snapshot(ids: string[]): Promise<Record<string, string[]>> {
  const pattern = ids.map(escapeRe).join("|");
  const out: Record<string, string[]> = {};
  for (const table of await publicTables()) {
    const rows = await db.$queryRawUnsafe<{ j: string }[]>(`SELECT to_jsonb(t)::text AS j FROM "${table}" t WHERE to_jsonb(t)::text ~ $1`, pattern);
    if (rows.length) out[table] = rows.map((r) => r.j).sort();
  }
  return out;
}

// --- the walk --------------------------------------------------------------------------------------
interface Outcome {
  ok: boolean;
  text: string;
  message: string;
}
function digestOf(err: unknown): string | undefined {
  return err && typeof err === "object" && "digest" in err ? String((err as { digest: unknown }).digest) : undefined;
}
async function call(fn: Action, entry: Entry, form?: Form): Promise<Outcome> {
  // A session signed in just now (sign-out earlier in the walk revokes older ones).
  session.current = { expires: "", user: { id: b.userId, email: b.email, name: b.email, accountSid: b.accountSid }, signedInAt: Date.now() + 1000 };
  let result: unknown;
  try {
    if (entry.noArgs) result = await fn();
    else {
      const fd = new FormData();
      for (const [k, v] of Object.entries(form ?? {})) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) fd.append(k, one);
      result = await fn({ ok: false }, fd);
    }
  } catch (err) {
    const digest = digestOf(err);
    if (digest?.startsWith("NEXT_REDIRECT")) return { ok: true, text: digest, message: "redirect" };
    if (digest?.includes("404")) return { ok: false, text: digest, message: "not found" };
    // A no-argument action (a reveal) refuses by throwing a not-found AppError.
    if (err instanceof Error && "status" in err && err.status === 404) return { ok: false, text: err.message, message: err.message };
    throw err;
  }
  const text = JSON.stringify(result ?? null);
  if (result && typeof result === "object") {
    const r = result as { ok?: boolean; message?: string; error?: string };
    return { ok: r.ok === true, text, message: r.message ?? r.error ?? "" };
  }
  // A no-argument action that returned a value (or nothing) without refusing.
  return { ok: true, text, message: "" };
}

beforeAll(async () => {
  await migrateQueueSchema(process.env.DATABASE_URL as string);
  a = await makeVictim();
  b = await makeIntruder();
}, 120_000);

describe("cross-account: every server action", () => {
  it("has an input builder for every exported server action", async () => {
    const actions = await loadActions();
    expect(actionModules.length).toBeGreaterThan(5);
    const missing = [...actions].filter(([name]) => !INPUTS[name]).map(([name, { file }]) => `${name} (${file})`);
    const stale = Object.keys(INPUTS).filter((name) => !actions.has(name));
    expect(missing, `server actions with no entry in INPUTS (tests/integration/security-cross-account-actions.test.ts): add one:\n${missing.join("\n")}`).toEqual([]);
    expect(stale, `INPUTS entries for actions that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  it("refuses account A's resources to account B: never ok, A's rows unchanged, nothing of A's in the answer", async () => {
    const actions = await loadActions();
    const ids = await victimIdentifiers();
    const before = await snapshot(ids);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    const secrets = [a.marker, a.authToken];
    let calls = 0;
    for (const [name, { fn }] of [...actions].sort(([x], [y]) => x.localeCompare(y))) {
      const entry = INPUTS[name];
      if (!entry) continue; // reported by the test above
      const forms = entry.noArgs ? [undefined] : (entry.forms?.(a, b) ?? []);
      expect(forms.length, `${name}: no inputs`).toBeGreaterThan(0);
      for (const form of forms) {
        const out = await call(fn, entry, form);
        calls++;
        const sent = JSON.stringify(form ?? {});
        const label = `${name}(${sent}) -> ${out.text.slice(0, 300)}`;
        if (!entry.ownAccountOnly) {
          expect.soft(out.ok, label).toBe(false);
          // The input passes validation, so the refusal is the ownership check, not a typo in this table.
          expect.soft(out.message, label).not.toBe("Please correct the highlighted fields.");
          expect.soft(out.message, label).not.toMatch(/something went wrong/i);
          expect.soft(out.message, label).toMatch(entry.refusal ?? NOT_FOUND);
        }
        // Nothing of A's that B did not send: A's other SIDs, numbers, names, token.
        for (const id of [...ids, ...secrets]) if (!sent.includes(id)) expect.soft(out.text, `${label}\nleaks ${id}`).not.toContain(id);
      }
    }
    expect(calls).toBeGreaterThan(50);
    const after = await snapshot(ids);
    for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) expect.soft(after[table], `A's rows in ${table}`).toEqual(before[table]);
  });
});
