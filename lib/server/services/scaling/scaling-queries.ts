import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { DESTINATION_PREFIX_DIGITS } from "@/lib/core/scaling/destination";
import type { DeadlineBucket, QueuedPrefix } from "@/lib/core/scaling/estimate-queue";
import type { ScalingSender } from "@/lib/core/scaling/pool";
import { SNOWSHOE_SAMPLE_PER_NUMBER, SNOWSHOE_WINDOW_MINUTES, type ContentSpread } from "@/lib/core/scaling/snowshoe";
import { db } from "@/lib/server/db/client";

/*
 * The reads behind the Scaling tab and the Sender Pool warnings. Each one
 * is served by an existing index of `messages` (docs/scaling.md "Queries",
 * with the plans measured on the 10M-message benchmark database); none scans
 * a service's whole history.
 */

/** Messages waiting for the carrier: accepted (not routed yet) or queued (routed, waiting for a rate slot). */
const WAITING = Prisma.sql`ARRAY['accepted', 'queued']::text[]`;
/** The recipient prefix the core maps to a destination (lib/core/scaling/destination.ts). */
const PREFIX = Prisma.sql`left(m."to", position('+' in m."to") + ${DESTINATION_PREFIX_DIGITS}::int)`;
/** When a waiting message fails 30036: ValidityPeriod after creation, or after SendAt (docs/pipeline.md "Validity"). */
const DEADLINE = Prisma.sql`(COALESCE(m.send_at, m.created_at) + make_interval(secs => m.validity_period))`;

/** The database's clock, which the pipeline's validity and rate slots use. */
export async function databaseNowMs(): Promise<number> {
  const [row] = await db.$queryRaw<{ now_ms: number }[]>`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now_ms`;
  return row?.now_ms ?? Date.now();
}

/** A service's pool as dispatch loads it (lib/server/pipeline/pool-cache.ts), scoped to the account. */
export async function loadScalingPool(accountSid: string, serviceSid: string): Promise<ScalingSender[]> {
  const rows = await db.$queryRaw<(Omit<ScalingSender, "countries"> & { countries: string[] })[]>`
    SELECT sid, CASE WHEN number_type = 'toll_free' THEN 'toll_free' ELSE 'long_code' END AS type, phone_number AS address,
           iso_country AS country, ARRAY[]::text[] AS countries, sms_enabled AS sms, mms_enabled AS mms, mps
      FROM phone_numbers WHERE service_sid = ${serviceSid} AND account_sid = ${accountSid}
    UNION ALL
    SELECT sid, 'short_code', short_code, iso_country, ARRAY[]::text[], sms_enabled, mms_enabled, mps
      FROM short_codes WHERE service_sid = ${serviceSid} AND account_sid = ${accountSid}
    UNION ALL
    SELECT sid, 'alpha', alpha_sender, iso_country_code, ARRAY[]::text[], true, false, mps
      FROM alpha_senders WHERE service_sid = ${serviceSid} AND account_sid = ${accountSid}
    UNION ALL
    SELECT sid, CASE WHEN sender_type = 'WhatsApp' THEN 'whatsapp' ELSE 'rcs' END, sender, country_code, countries, true, true, mps
      FROM channel_senders WHERE service_sid = ${serviceSid} AND account_sid = ${accountSid}`;
  return rows;
}

/** Deadlines are read to this many seconds (rounded down: a message counts at risk at most this much early). */
export const DEADLINE_RESOLUTION_SECONDS = 10;

/**
 * Waiting messages per recipient prefix and deadline, in one pass: the
 * deadline rounded down to DEADLINE_RESOLUTION_SECONDS, and every deadline
 * already past counted at "now", so the rows stay few (prefixes × the
 * validity window / 10 s at most). Index: messages (account_sid,
 * service_sid, status, created_at, sid), one range per status; each row is
 * read for `to` and its deadline.
 */
export async function queuedBuckets(accountSid: string, serviceSid: string): Promise<Map<string, DeadlineBucket[]>> {
  const rows = await db.$queryRaw<{ prefix: string; deadline_ms: number; count: number }[]>`
    SELECT ${PREFIX} AS prefix,
           (floor(extract(epoch FROM GREATEST(${DEADLINE}, now() AT TIME ZONE 'UTC')) / ${DEADLINE_RESOLUTION_SECONDS}::int)
             * ${DEADLINE_RESOLUTION_SECONDS * 1000}::int)::float8 AS deadline_ms,
           count(*)::int AS count
      FROM messages m
     WHERE m.account_sid = ${accountSid} AND m.service_sid = ${serviceSid} AND m.status = ANY(${WAITING})
     GROUP BY 1, 2`;
  const out = new Map<string, DeadlineBucket[]>();
  for (const r of rows) {
    const list = out.get(r.prefix) ?? [];
    list.push({ deadlineMs: r.deadline_ms, count: r.count });
    out.set(r.prefix, list);
  }
  return out;
}

/** Per prefix: how many wait and the earliest (bucketed) deadline, as estimateQueue takes them. */
export function queuedPrefixes(buckets: Map<string, DeadlineBucket[]>): QueuedPrefix[] {
  return [...buckets].map(([prefix, list]) => ({
    prefix,
    count: list.reduce((n, b) => n + b.count, 0),
    earliestDeadlineMs: Math.min(...list.map((b) => b.deadlineMs)),
  }));
}

/** Messages scheduled for later (SendAt): not queued yet, shown beside the depth. Index only, same index. */
export async function scheduledCount(accountSid: string, serviceSid: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM messages m WHERE m.account_sid = ${accountSid} AND m.service_sid = ${serviceSid} AND m.status = 'scheduled'`;
  return row?.n ?? 0;
}

export interface SenderVolume {
  address: string;
  lastHour: number;
  last24h: number;
}

/**
 * Messages each pool sender sent in the last hour and 24 hours, whatever
 * the service (its rate limit is the sender's, not the service's). Index:
 * messages (account_sid, "from", created_at, sid) WHERE "from" IS NOT NULL,
 * one range per address, index only: direction is not filtered (an inbound
 * message's From is the handset, never a pool sender's address).
 */
export async function senderVolumes(accountSid: string, addresses: string[]): Promise<SenderVolume[]> {
  if (addresses.length === 0) return [];
  return db.$queryRaw<SenderVolume[]>`
    SELECT m."from" AS address,
           (count(*) FILTER (WHERE m.created_at > now() - interval '1 hour'))::int AS "lastHour",
           count(*)::int AS "last24h"
      FROM messages m
     WHERE m.account_sid = ${accountSid} AND m."from" = ANY(${addresses}::text[]) AND m."from" IS NOT NULL
       AND m.created_at > now() - interval '24 hours'
     GROUP BY m."from"`;
}

/**
 * Bodies sent by more than one of these numbers in the snowshoe window:
 * the latest SNOWSHOE_SAMPLE_PER_NUMBER messages of each number (same index
 * as senderVolumes, read newest first), grouped by the body's hash.
 */
export async function contentSpread(accountSid: string, numbers: string[]): Promise<ContentSpread[]> {
  if (numbers.length < 2) return [];
  return db.$queryRaw<ContentSpread[]>`
    SELECT md5(r.body) AS "bodyHash", min(r.body) AS sample, count(DISTINCT r.address)::int AS numbers, count(*)::int AS messages
      FROM unnest(${numbers}::text[]) AS a(address)
      CROSS JOIN LATERAL (
        SELECT a.address, m.body FROM messages m
         WHERE m.account_sid = ${accountSid} AND m."from" = a.address AND m."from" IS NOT NULL
           AND m.created_at > now() - make_interval(mins => ${SNOWSHOE_WINDOW_MINUTES}::int) AND m.direction <> 'inbound'
         ORDER BY m.created_at DESC LIMIT ${SNOWSHOE_SAMPLE_PER_NUMBER}::int
      ) r
     GROUP BY md5(r.body)
    HAVING count(DISTINCT r.address) > 1`;
}

/** How many of a service's latest messages the traffic countries are read from. */
export const RECENT_TRAFFIC_SAMPLE = 5_000;

/**
 * Recipient prefixes of the service's latest outbound messages (7 days at
 * most) and of its waiting ones. Index: messages (account_sid, service_sid,
 * created_at, sid), read newest first and stopped at the sample size.
 */
export async function recentPrefixes(accountSid: string, serviceSid: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ prefix: string }[]>`
    SELECT DISTINCT ${PREFIX} AS prefix FROM (
      SELECT m."to", m.direction FROM messages m
       WHERE m.account_sid = ${accountSid} AND m.service_sid = ${serviceSid} AND m.created_at > now() - interval '7 days'
       ORDER BY m.created_at DESC, m.sid DESC LIMIT ${RECENT_TRAFFIC_SAMPLE}::int
    ) m WHERE m.direction <> 'inbound'`;
  return rows.map((r) => r.prefix);
}
