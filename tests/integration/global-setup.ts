import { freshTestDatabase } from "@/lib/server/db/test-database";

/** Integration tests run against a real, freshly migrated Postgres database. */
export default async function setup() {
  process.env.DATABASE_URL = await freshTestDatabase("test");
  process.env.PUBLIC_BASE_URL ??= "http://localhost:3000";
}
