import { z } from "zod";
import { configFromForm, issuesToFieldErrors } from "@/lib/core/opt-out/config-form";
import { optOutConfigIssues, optOutConfigSchema } from "@/lib/core/opt-out/opt-out";

const last = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);

/**
 * The Advanced Opt-Out form as a zod schema: every rule problem becomes an
 * issue whose path is the form field's name, so the console's action chain
 * shows each under its field; on success it yields the config to save.
 */
export const optOutSettingsFormSchema = z.record(z.string(), z.unknown()).transform((fields, ctx) => {
  const serviceSid = last(fields.serviceSid);
  const parsed = configFromForm(fields);
  const errors = { ...issuesToFieldErrors(optOutConfigIssues(parsed.config), parsed.newPath), ...parsed.errors };
  if (typeof serviceSid !== "string") errors.serviceSid = ["serviceSid is required"];
  const entries = Object.entries(errors);
  for (const [path, messages] of entries) for (const message of messages) ctx.addIssue({ code: "custom", path: path.split("."), message });
  if (entries.length) return z.NEVER;
  return { serviceSid: serviceSid as string, config: optOutConfigSchema.parse(parsed.config) };
});
