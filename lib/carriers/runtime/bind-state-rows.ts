import { Prisma } from "@/lib/generated/prisma/client";
import type { BindState } from "@/lib/carriers/connection";
import { db } from "@/lib/server/db/client";

/**
 * carrier_binds: each worker process writes the live state of the binds it
 * holds (docs/carriers.md "Live state"), every ~2 s and on every change.
 * One statement for all carriers of the process; binds that no longer exist
 * (fewer binds after an edit) are removed with it.
 */
export async function writeBindStates(processId: string, byCarrier: ReadonlyMap<string, BindState[]>): Promise<void> {
  const rows = [...byCarrier].flatMap(([carrierSid, binds]) =>
    binds.map((b) => ({
      carrier_sid: carrierSid,
      bind_index: b.bindIndex,
      state: b.state,
      last_error: b.lastError ?? null,
      last_error_at: b.lastErrorAt?.toISOString() ?? null,
      window_in_use: b.windowInUse,
      queue_depth: b.queueDepth,
      mps_out: b.mpsOut,
      mps_in: b.mpsIn,
      reconnects: b.reconnects,
      last_report_at: b.lastReportAt?.toISOString() ?? null,
    })),
  );
  if (rows.length === 0) return;
  await db.$executeRaw(Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(
        carrier_sid text, bind_index int, state text, last_error text, last_error_at timestamptz, window_in_use int,
        queue_depth int, mps_out float8, mps_in float8, reconnects int, last_report_at timestamptz)
    ), del AS (
      DELETE FROM carrier_binds b WHERE b.process_id = ${processId}
         AND b.carrier_sid IN (SELECT carrier_sid FROM input)
         AND NOT EXISTS (SELECT 1 FROM input i WHERE i.carrier_sid = b.carrier_sid AND i.bind_index = b.bind_index)
    )
    INSERT INTO carrier_binds (carrier_sid, process_id, bind_index, state, last_error, last_error_at, window_in_use, queue_depth,
                               mps_out, mps_in, reconnects, last_report_at, updated_at)
    SELECT i.carrier_sid, ${processId}, i.bind_index, i.state, i.last_error, i.last_error_at, i.window_in_use, i.queue_depth,
           i.mps_out, i.mps_in, i.reconnects, i.last_report_at, now()
      FROM input i JOIN carriers c ON c.sid = i.carrier_sid
    ON CONFLICT (carrier_sid, process_id, bind_index) DO UPDATE SET
      state = EXCLUDED.state, last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at,
      window_in_use = EXCLUDED.window_in_use, queue_depth = EXCLUDED.queue_depth, mps_out = EXCLUDED.mps_out,
      mps_in = EXCLUDED.mps_in, reconnects = EXCLUDED.reconnects, last_report_at = EXCLUDED.last_report_at, updated_at = now()`);
}

/** A carrier this process no longer holds (disabled, deleted, or the process stops). */
export async function removeBindStates(processId: string, carrierSids: readonly string[]): Promise<void> {
  if (carrierSids.length === 0) return;
  await db.$executeRaw(Prisma.sql`DELETE FROM carrier_binds WHERE process_id = ${processId} AND carrier_sid = ANY(${[...carrierSids]}::text[])`);
}
