import { z } from "zod";

/** The longest retention a setting may ask for (10 years); longer is "keep forever" (empty). */
export const MAX_RETENTION_DAYS = 3650;

/**
 * The Settings form's field: whole days from 1 to MAX_RETENTION_DAYS, or
 * empty for "keep forever" (stored as null).
 */
export const messageRetentionSchema = z.object({
  messageRetentionDays: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      if (!/^\d+$/.test(v)) {
        ctx.addIssue({ code: "custom", message: "Enter a whole number of days, or leave it empty to keep messages forever." });
        return z.NEVER;
      }
      const days = Number(v);
      if (days < 1 || days > MAX_RETENTION_DAYS) {
        ctx.addIssue({ code: "custom", message: `Enter between 1 and ${MAX_RETENTION_DAYS} days, or leave it empty to keep messages forever.` });
        return z.NEVER;
      }
      return days;
    }),
});
