import { optOutConfigSchema, type OptOutConfig } from "@/lib/core/opt-out/opt-out";
import { db, type Tx } from "@/lib/server/db/client";

/**
 * The service's stored keyword configuration, or null when it has none (the
 * defaults apply). A stored value that no longer parses is treated as absent
 * rather than breaking inbound handling: STOP must always work.
 */
export async function loadOptOutConfig(serviceSid: string, tx: Tx = db): Promise<OptOutConfig | null> {
  const row = await tx.optOutSettings.findUnique({ where: { serviceSid }, select: { config: true } });
  if (!row) return null;
  const parsed = optOutConfigSchema.safeParse(row.config);
  return parsed.success ? parsed.data : null;
}
