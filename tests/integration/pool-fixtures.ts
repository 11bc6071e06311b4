import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { newSid } from "@/lib/server/ids";
import { createAccount } from "@/lib/server/services/accounts/create-account";
import { createService } from "@/lib/server/services/messaging-services/create-service";
import { buyPhoneNumber } from "@/lib/server/services/phone-numbers/buy-phone-number";

/** A fresh account (unique email) with one service. */
export async function accountWithService(name = "Pool") {
  const { account } = await createAccount({ friendlyName: name, email: `t-${randomBytes(6).toString("hex")}@int.test`, password: "pw-12345678" });
  const service = await createService(account.sid, { friendlyName: name });
  return { accountSid: account.sid, service };
}

/** A unique, valid US number (NPA 212, random line) not from the simulated inventory. */
export function uniqueUsNumber(): string {
  return `+1212${String(2000000 + (randomBytes(3).readUIntBE(0, 3) % 7000000)).padStart(7, "0")}`;
}

export async function ownNumber(accountSid: string, opts: { phoneNumber?: string; sms?: boolean } = {}) {
  const sms = opts.sms ?? true;
  return buyPhoneNumber(accountSid, { phoneNumber: opts.phoneNumber ?? uniqueUsNumber(), smsEnabled: sms, mmsEnabled: sms, voiceEnabled: true });
}

/** Fills a pool fast: createMany of phone numbers already attached (bypasses the service on purpose). */
export async function fillPool(accountSid: string, serviceSid: string, count: number) {
  const now = new Date();
  await db.phoneNumber.createMany({
    data: Array.from({ length: count }, () => ({
      sid: newSid("PN"),
      accountSid,
      phoneNumber: `+1999${randomBytes(4).toString("hex")}`, // not a real number: bulk filler only
      friendlyName: "filler",
      isoCountry: "US",
      numberType: "local",
      serviceSid,
      addedToServiceAt: now,
    })),
  });
}

/** Expects an AppError with this Twilio code (and status). */
export async function expectCode(p: Promise<unknown>, code: number, status = 400): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected error ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).status).toBe(status);
  return err as AppError;
}
