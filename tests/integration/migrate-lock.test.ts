import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { recreateDatabase } from "@/lib/server/db/embedded";
import { applyMigrations, listMigrations } from "@/lib/server/db/migrate";
import { dropTestDatabase } from "@/lib/server/db/test-database";
import { migrateQueueSchema } from "@/lib/server/pipeline/queue-schema";
import path from "node:path";

/**
 * Two instances starting together on an empty database (docs/operations.md
 * "Starting and stopping"): both run the migrations at once; the advisory lock
 * makes one wait for the other, so each migration is applied exactly once and
 * neither start fails.
 */
const base = new URL(process.env.DATABASE_URL as string);
const fresh = new URL(base);
fresh.pathname = `${base.pathname}_lock`;
const admin = new URL(base);
admin.pathname = "/postgres";

afterAll(async () => {
  await dropTestDatabase(fresh.toString());
});

describe("migrations on start", () => {
  it("two starts at once on a fresh database apply each migration exactly once", async () => {
    await recreateDatabase(admin.toString(), decodeURIComponent(fresh.pathname.slice(1)));
    const url = fresh.toString();
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const all = (await listMigrations(path.resolve("prisma/migrations"))).map((m) => m.name);
    // One applied them all; the other waited on the lock and found them done.
    expect([a.applied.length, b.applied.length].sort((x, y) => x - y)).toEqual([0, all.length]);
    expect((a.applied.length ? b : a).alreadyApplied).toEqual(all);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query<{ migration_name: string; n: string }>(
        `SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY migration_name`,
      );
      expect(rows.rows.length).toBe(all.length);
      expect(rows.rows.every((r) => r.n === "1")).toBe(true);
    } finally {
      await client.end();
    }

    // The job queue's own schema (graphile-worker), migrated by every start as well.
    await Promise.all([migrateQueueSchema(url), migrateQueueSchema(url), migrateQueueSchema(url)]);
    const q = new pg.Client({ connectionString: url });
    await q.connect();
    try {
      const dup = await q.query(`SELECT id FROM graphile_worker.migrations GROUP BY id HAVING count(*) > 1`);
      expect(dup.rowCount).toBe(0);
    } finally {
      await q.end();
    }
  });
});
