import pg from "pg";
import { CLICK_CALLBACK_TASK } from "@/lib/server/jobs/link-task-names";

export interface DomainInfo {
  sid: string;
  accountSid: string;
  fallbackUrl: string | null;
  callbackUrl: string | null;
}

export interface LinkInfo {
  slug: string;
  domainSid: string;
  accountSid: string;
  serviceSid: string;
  messageSid: string;
  originalUrl: string;
  createdAt: Date;
}

export interface ClickRow {
  link: LinkInfo;
  clickedAt: Date;
  userAgent: string;
  callbackUrl: string | null;
}

/** What the redirect needs from storage; the Postgres one below, or a fake in unit tests of the HTTP layer. */
export interface LinkStore {
  domain(host: string): Promise<DomainInfo | null>;
  link(slug: string): Promise<LinkInfo | null>;
  /** Resolves once the click (and its callback job) is committed. */
  recordClick(click: ClickRow): Promise<void>;
}

const MAX_IN_FLIGHT = 4;
const MAX_BATCH = 500;

interface Cached<T> {
  value: T;
  until: number;
}

/**
 * The redirect's storage on a plain pg pool (no Prisma on the hot path):
 * - domains cached 5 s (config edits show within 5 s; a new domain too);
 * - links cached 10 min (a link never changes), unknown slugs 2 s; at most
 *   200k entries, the oldest dropped first;
 * - clicks group-committed: up to 4 INSERT statements in flight (their
 *   commits overlap; Postgres groups WAL flushes too); clicks arriving while
 *   all 4 are busy queue and go in the next one (≤ 500 rows). A click is acknowledged
 *   (the redirect answered) only after its statement committed, together with
 *   its callback job, so an answered click is never lost.
 */
export class PgLinkStore implements LinkStore {
  private domains = new Map<string, Cached<DomainInfo | null>>();
  private links = new Map<string, Cached<LinkInfo | null>>();
  private queue: { click: ClickRow; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    readonly pool: pg.Pool,
    private readonly opts: { domainTtlMs?: number; linkTtlMs?: number; missTtlMs?: number; maxLinks?: number; clock?: () => number } = {},
  ) {}

  private now(): number {
    return this.opts.clock ? this.opts.clock() : Date.now();
  }

  async domain(host: string): Promise<DomainInfo | null> {
    const hit = this.domains.get(host);
    const now = this.now();
    if (hit && hit.until > now) return hit.value;
    const { rows } = await this.pool.query<DomainInfo>(
      `SELECT sid, account_sid AS "accountSid", fallback_url AS "fallbackUrl", callback_url AS "callbackUrl" FROM link_domains WHERE domain_name = $1`,
      [host],
    );
    const value = rows[0] ?? null;
    this.domains.set(host, { value, until: now + (this.opts.domainTtlMs ?? 5_000) });
    return value;
  }

  async link(slug: string): Promise<LinkInfo | null> {
    const hit = this.links.get(slug);
    const now = this.now();
    if (hit && hit.until > now) return hit.value;
    const { rows } = await this.pool.query<LinkInfo>(
      `SELECT slug, domain_sid AS "domainSid", account_sid AS "accountSid", service_sid AS "serviceSid", message_sid AS "messageSid",
              original_url AS "originalUrl", created_at AT TIME ZONE 'UTC' AS "createdAt" FROM short_links WHERE slug = $1`,
      [slug],
    );
    const value = rows[0] ?? null;
    const max = this.opts.maxLinks ?? 200_000;
    if (this.links.size >= max) {
      const oldest = this.links.keys().next().value;
      if (oldest !== undefined) this.links.delete(oldest);
    }
    this.links.set(slug, { value, until: now + (value ? (this.opts.linkTtlMs ?? 600_000) : (this.opts.missTtlMs ?? 2_000)) });
    return value;
  }

  recordClick(click: ClickRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ click, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      insertClicks(this.pool, batch.map((b) => b.click))
        .then(
          () => batch.forEach((b) => b.resolve()),
          (err: unknown) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  /** Forget cached domains (tests, and after a config change in this process). */
  clearDomains(): void {
    this.domains.clear();
  }
}

/** The clicks and the callback jobs of those with a callback URL, in one statement (one transaction). */
export async function insertClicks(pool: pg.Pool | pg.PoolClient, clicks: ClickRow[]): Promise<void> {
  await pool.query(
    `WITH c AS (
       INSERT INTO link_clicks (slug, account_sid, service_sid, message_sid, clicked_at, user_agent, callback_url)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamp[], $6::text[], $7::text[])
       RETURNING id, callback_url
     ), j AS (
       SELECT graphile_worker.add_jobs(array_agg(ROW($8::text, json_build_object('id', c.id::text), NULL, NULL, 12, NULL, NULL, NULL)::graphile_worker.job_spec))
         FROM c WHERE c.callback_url IS NOT NULL HAVING count(*) > 0
     )
     SELECT (SELECT count(*) FROM c) AS clicks, (SELECT count(*) FROM j) AS jobs`,
    [
      clicks.map((c) => c.link.slug),
      clicks.map((c) => c.link.accountSid),
      clicks.map((c) => c.link.serviceSid),
      clicks.map((c) => c.link.messageSid),
      clicks.map((c) => c.clickedAt.toISOString().replace("Z", "")),
      clicks.map((c) => c.userAgent),
      clicks.map((c) => c.callbackUrl),
      CLICK_CALLBACK_TASK,
    ],
  );
}
