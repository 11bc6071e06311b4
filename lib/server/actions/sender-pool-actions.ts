"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { alphaCountryWarnings } from "@/lib/core/senders/alpha-countries";
import { AppError } from "@/lib/server/errors";
import { addAlphaSender } from "@/lib/server/services/sender-pool/add-alpha-sender";
import { addChannelSender } from "@/lib/server/services/sender-pool/add-channel-sender";
import { addPhoneNumberToService } from "@/lib/server/services/sender-pool/add-phone-number-to-service";
import { addShortCodeToService } from "@/lib/server/services/sender-pool/add-short-code-to-service";
import { removeSenderFromService } from "@/lib/server/services/sender-pool/remove-sender-from-service";
import {
  addAlphaSenderSchema,
  addChannelSenderSchema,
  addPhoneNumberSchema,
  addShortCodeSchema,
  removeSenderSchema,
} from "@/lib/server/services/sender-pool/sender-pool-schema";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

const inService = { serviceSid: z.string() };

function refresh(serviceSid: string) {
  revalidatePath(`/services/${serviceSid}`, "layout");
  revalidatePath("/services");
  revalidatePath("/numbers");
}

/** The console's WhatsApp/RCS forms name their inputs apart; point service errors at them. */
async function renameField<T>(p: Promise<T>, to: string): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.field === "sender") throw new AppError(err.code, err.message, err.status, to);
    throw err;
  }
}

export async function addPhoneNumberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    addPhoneNumberSchema.extend(inService),
    formToObject(form),
    async ({ serviceSid, phoneNumberSid }, viewer) => {
      const n = await addPhoneNumberToService(viewer.accountSid, serviceSid, phoneNumberSid);
      refresh(serviceSid);
      return { sid: n.sid, label: n.phoneNumber };
    },
    (r) => `Added ${r.label} to the pool`,
    { permission: "services.manage" },
  );
}

export async function addShortCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    addShortCodeSchema.extend(inService),
    formToObject(form),
    async ({ serviceSid, shortCodeSid }, viewer) => {
      const sc = await addShortCodeToService(viewer.accountSid, serviceSid, shortCodeSid);
      refresh(serviceSid);
      return { sid: sc.sid, label: sc.shortCode };
    },
    (r) => `Added short code ${r.label} to the pool`,
    { permission: "services.manage" },
  );
}

export async function addAlphaSenderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    addAlphaSenderSchema.extend(inService),
    formToObject(form),
    async ({ serviceSid, ...input }, viewer) => {
      const a = await addAlphaSender(viewer.accountSid, serviceSid, input);
      refresh(serviceSid);
      return { sid: a.sid, label: a.alphaSender, warnings: a.isoCountryCode ? alphaCountryWarnings(a.isoCountryCode) : [] };
    },
    (r) => [`Added alpha sender ${r.label}`, ...r.warnings].join(". "),
    { permission: "services.manage" },
  );
}

export async function addWhatsAppSenderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    z.object({ ...inService, whatsappNumber: z.string().trim().min(1, "Enter the WhatsApp number in E.164 format") }),
    formToObject(form),
    async ({ serviceSid, whatsappNumber }, viewer) => {
      const sender = whatsappNumber.startsWith("whatsapp:") ? whatsappNumber : `whatsapp:${whatsappNumber}`;
      const cs = await renameField(addChannelSender(viewer.accountSid, serviceSid, { sender, countries: [] }), "whatsappNumber");
      refresh(serviceSid);
      return { sid: cs.sid, label: cs.sender };
    },
    (r) => `Added ${r.label} to the pool`,
    { permission: "services.manage" },
  );
}

export async function addRcsSenderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { rcsAgentId, rcsCountries, ...rest } = formToObject(form);
  return runAction(
    addChannelSenderSchema.extend(inService),
    { ...rest, sender: typeof rcsAgentId === "string" && rcsAgentId.trim() && !rcsAgentId.startsWith("rcs:") ? `rcs:${rcsAgentId.trim()}` : rcsAgentId, countries: rcsCountries },
    async ({ serviceSid, ...input }, viewer) => {
      const cs = await renameField(addChannelSender(viewer.accountSid, serviceSid, input), "rcsAgentId");
      refresh(serviceSid);
      return { sid: cs.sid, label: cs.sender };
    },
    (r) => `Added ${r.label} to the pool`,
    { permission: "services.manage" },
  ).then((s) => ({
    ...s,
    // zod's paths are the service's names; show them under the form's inputs.
    fieldErrors: s.fieldErrors && Object.fromEntries(Object.entries(s.fieldErrors).map(([k, v]) => [k === "sender" ? "rcsAgentId" : k.startsWith("countries") ? "rcsCountries" : k, v])),
  }));
}

export async function removeSenderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    removeSenderSchema.extend(inService),
    formToObject(form),
    async ({ serviceSid, senderSid }, viewer) => {
      await removeSenderFromService(viewer.accountSid, serviceSid, senderSid);
      refresh(serviceSid);
      return { sid: senderSid };
    },
    () => "Sender removed from the pool",
    { permission: "services.manage" },
  );
}
