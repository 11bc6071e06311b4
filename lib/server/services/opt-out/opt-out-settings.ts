import { defaultOptOutConfig, optOutConfigIssues, optOutConfigSchema, type OptOutConfig } from "@/lib/core/opt-out/opt-out";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { loadOptOutConfig } from "./load-opt-out-config";

export interface OptOutSettingsView {
  config: OptOutConfig;
  /** False until the service's settings were saved once (the defaults apply). */
  saved: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The service's opt-out settings (another account's service is a 404). */
export async function getOptOutSettings(accountSid: string, serviceSid: string): Promise<OptOutSettingsView> {
  await getService(accountSid, serviceSid);
  const [config, row] = await Promise.all([
    loadOptOutConfig(serviceSid),
    db.optOutSettings.findUnique({ where: { serviceSid }, select: { updatedAt: true, updatedBy: true } }),
  ]);
  return { config: config ?? defaultOptOutConfig(), saved: Boolean(config), updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
}

/** A rejected configuration: every issue with its path (the form shows each under its field). */
export class OptOutConfigError extends AppError {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(20001, `Invalid opt-out configuration: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, 400);
  }
}

/**
 * Replaces the service's opt-out configuration after the full check (schema,
 * STOP/START/HELP kept, one class per keyword per scope); nothing is written
 * when any rule fails. `actor` is who saved it (user id or API credential).
 */
export async function updateOptOutSettings(accountSid: string, serviceSid: string, config: unknown, actor: string): Promise<OptOutConfig> {
  await getService(accountSid, serviceSid);
  const issues = optOutConfigIssues(config);
  if (issues.length) throw new OptOutConfigError(issues);
  const valid = optOutConfigSchema.parse(config);
  const json = valid as unknown as Prisma.InputJsonValue;
  await db.$transaction(async (tx) => {
    // The service row's lock serializes saves, so "before" is what this save replaces.
    await tx.$queryRaw`SELECT sid FROM services WHERE sid = ${serviceSid} AND account_sid = ${accountSid} FOR UPDATE`;
    const previous = await tx.optOutSettings.findUnique({ where: { serviceSid }, select: { config: true } });
    await tx.optOutSettings.upsert({
      where: { serviceSid },
      create: { serviceSid, config: json, updatedAt: new Date(), updatedBy: actor },
      update: { config: json, updatedAt: new Date(), updatedBy: actor },
    });
    await recordAudit(tx, {
      accountSid,
      action: "opt_out_settings.update",
      resource: { type: "opt_out", sid: serviceSid, serviceSid },
      before: previous?.config ?? defaultOptOutConfig(),
      after: valid,
    });
  });
  return valid;
}
