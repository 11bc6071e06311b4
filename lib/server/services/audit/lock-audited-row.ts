import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";

/** The tables whose rows are read before a change for the audit log's "before". */
const TABLES = {
  service: "services",
  phoneNumber: "phone_numbers",
  shortCode: "short_codes",
  alphaSender: "alpha_senders",
  linkDomain: "link_domains",
  carrierRoute: "carrier_routes",
  apiKey: "api_keys",
  a2pCampaign: "a2p_campaigns",
  account: "accounts",
} as const;

export type AuditedTable = keyof typeof TABLES;

/**
 * Locks the account's row (SELECT … FOR UPDATE) for the rest of the
 * transaction, so the "before" read next is the state the change replaces
 * and no concurrent write slips in between (docs/audit.md). False when the
 * row is not the account's (the caller's 404).
 */
export async function lockAuditedRow(tx: Tx, table: AuditedTable, sid: string, accountSid: string): Promise<boolean> {
  const scope = table === "account" ? Prisma.sql`sid = ${accountSid}` : Prisma.sql`account_sid = ${accountSid}`;
  const rows = await tx.$queryRaw<{ sid: string }[]>(Prisma.sql`SELECT sid FROM ${Prisma.raw(TABLES[table])} WHERE sid = ${sid} AND ${scope} FOR UPDATE`);
  return rows.length > 0;
}
