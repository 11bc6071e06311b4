"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { buyPhoneNumber } from "@/lib/server/services/phone-numbers/buy-phone-number";
import { buyPhoneNumberSchema, updatePhoneNumberSchema } from "@/lib/server/services/phone-numbers/phone-number-schema";
import { releasePhoneNumber } from "@/lib/server/services/phone-numbers/release-phone-number";
import { updatePhoneNumber } from "@/lib/server/services/phone-numbers/update-phone-number";
import { createShortCode } from "@/lib/server/services/short-codes/create-short-code";
import { deleteShortCode } from "@/lib/server/services/short-codes/delete-short-code";
import { createShortCodeSchema } from "@/lib/server/services/short-codes/short-code-schema";
import type { ActionState } from "./action-state";
import { formToObject, runAction } from "./run-action";

const sidOnly = z.object({ sid: z.string() });

export async function buyNumberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    buyPhoneNumberSchema,
    formToObject(form),
    async (data, viewer) => {
      const n = await buyPhoneNumber(viewer.accountSid, data);
      revalidatePath("/numbers");
      return { sid: n.sid, phoneNumber: n.phoneNumber };
    },
    (n) => `Bought ${n.phoneNumber}`,
    { permission: "numbers.manage" },
  );
}

export async function updatePhoneNumberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    updatePhoneNumberSchema.extend({ sid: z.string() }),
    formToObject(form),
    async ({ sid, ...data }, viewer) => {
      const n = await updatePhoneNumber(viewer.accountSid, sid, data);
      revalidatePath("/numbers");
      return { sid: n.sid, phoneNumber: n.phoneNumber };
    },
    (n) => `Saved ${n.phoneNumber}`,
    { permission: "numbers.manage" },
  );
}

export async function releasePhoneNumberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    sidOnly,
    formToObject(form),
    async ({ sid }, viewer) => {
      await releasePhoneNumber(viewer.accountSid, sid);
      revalidatePath("/numbers");
      return { sid };
    },
    () => "Number released",
    { permission: "numbers.manage" },
  );
}

export async function createShortCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  // The form names its switches scSmsEnabled/scMmsEnabled: ids stay unique next to the number form.
  const { scSmsEnabled, scMmsEnabled, ...rest } = formToObject(form);
  return runAction(
    createShortCodeSchema,
    { ...rest, smsEnabled: scSmsEnabled, mmsEnabled: scMmsEnabled },
    async (data, viewer) => {
      const sc = await createShortCode(viewer.accountSid, data);
      revalidatePath("/numbers");
      return { sid: sc.sid, shortCode: sc.shortCode };
    },
    (sc) => `Added short code ${sc.shortCode}`,
    { permission: "numbers.manage" },
  );
}

export async function deleteShortCodeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(
    sidOnly,
    formToObject(form),
    async ({ sid }, viewer) => {
      await deleteShortCode(viewer.accountSid, sid);
      revalidatePath("/numbers");
      return { sid };
    },
    () => "Short code deleted",
    { permission: "numbers.manage" },
  );
}
