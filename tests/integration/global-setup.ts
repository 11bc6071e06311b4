import { randomBytes } from "node:crypto";
import { dropTestDatabase, freshTestDatabase } from "@/lib/server/db/test-database";

/**
 * Integration tests run against a real, freshly migrated Postgres database,
 * one per run (named after the process) so parallel runs never share state.
 */
export default async function setup() {
  const suffix = `test_${process.pid}`;
  process.env.DATABASE_URL = await freshTestDatabase(suffix);
  process.env.PUBLIC_BASE_URL ??= "http://localhost:3000";
  // Tests' webhook receivers listen on loopback, which outgoing requests refuse by default (docs/security.md).
  process.env.SWITCHYARD_WEBHOOK_ALLOW ??= "127.0.0.1,::1,localhost";
  // Auth tokens are stored encrypted, as in production (docs/security.md "Secrets at rest").
  process.env.SWITCHYARD_TOKEN_KEY ??= randomBytes(32).toString("base64");
  return async () => {
    await dropTestDatabase(process.env.DATABASE_URL as string);
  };
}
