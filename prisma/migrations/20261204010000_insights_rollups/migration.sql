-- Messaging Insights rollups (docs/insights.md). Aggregates kept by statement-level triggers
-- with transition tables, so they are written in the same statement, hence the same
-- transaction, as the row change they count: exact by construction, after crashes and retries
-- too (a rolled-back change rolls back its count). Each row carries a shard (the writing
-- backend's pid modulo 16) so concurrent statements rarely upsert the same row; readers sum
-- over shards. Counts per shard may go negative (a message created by one backend and moved
-- by another); only sums mean anything. Deleting messages (API or retention purge) does not
-- subtract: the rollups are history (docs/insights.md "Retention").

-- Our sender of a message: the From for outbound, the To (our number) for inbound.
CREATE FUNCTION insight_sender(direction text, sender_from text, sender_to text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(CASE WHEN direction = 'inbound' THEN sender_to ELSE sender_from END, '') $$;

-- The sender type (lib/core senders' MPS kinds) from the row alone, so a recount over messages
-- gives the same answer as the trigger did whatever happened to the sender rows since.
CREATE FUNCTION insight_sender_type(sender_sid text, sender text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN sender IS NULL OR sender = '' THEN 'none'
    WHEN sender_sid LIKE 'SC%' THEN 'short_code'
    WHEN sender_sid LIKE 'AI%' THEN 'alpha'
    WHEN sender LIKE 'whatsapp:%' THEN 'whatsapp'
    WHEN sender LIKE 'rcs:%' THEN 'rcs'
    WHEN sender ~ '^\+1(800|833|844|855|866|877|888)' THEN 'toll_free'
    WHEN sender ~ '^[0-9]{3,8}$' THEN 'short_code'
    WHEN sender ~ '^\+?[0-9]+$' THEN 'long_code'
    ELSE 'alpha' END $$;

-- Fixed log-scale latency bins: 4 per doubling of milliseconds (each bin ~19% wide), bin 0 = under 1 ms.
CREATE FUNCTION insight_latency_bin(ms double precision) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ms < 1 THEN 0 ELSE LEAST(127, 1 + floor(4 * log(2, ms::numeric)))::smallint END $$;

CREATE FUNCTION insight_shard() RETURNS smallint
  LANGUAGE sql VOLATILE AS $$ SELECT (pg_backend_pid() % 16)::smallint $$;

-- No foreign key to accounts: an RI check per upserted row on the send path buys nothing, as
-- accounts are never deleted and every read is scoped by account.
--
-- Four views of the same counts, so that every query reads few rows (docs/insights.md "Tables"):
-- hourly and daily without the sender (ranges of hours; of days), hourly per sender (a sender
-- filter: its own rows only, primary key led by the sender), and outbound per sender type
-- (throughput's busiest hour without the status and error dimensions).
CREATE TABLE "insight_message_counts" (
    "account_sid" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "service_sid" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_code" INTEGER NOT NULL,
    "sender_type" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "insight_message_counts_pkey" PRIMARY KEY ("account_sid", "hour", "service_sid", "direction", "status", "error_code", "sender_type", "shard")
);

CREATE TABLE "insight_message_days" (
    "account_sid" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "service_sid" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_code" INTEGER NOT NULL,
    "sender_type" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "insight_message_days_pkey" PRIMARY KEY ("account_sid", "day", "service_sid", "direction", "status", "error_code", "sender_type", "shard")
);

CREATE TABLE "insight_sender_counts" (
    "account_sid" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "service_sid" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_code" INTEGER NOT NULL,
    "sender_type" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "insight_sender_counts_pkey" PRIMARY KEY ("account_sid", "sender", "hour", "service_sid", "direction", "status", "error_code", "sender_type", "shard")
);

CREATE TABLE "insight_throughput" (
    "account_sid" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "service_sid" TEXT NOT NULL,
    "sender_type" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "insight_throughput_pkey" PRIMARY KEY ("account_sid", "hour", "service_sid", "sender_type", "shard")
);

CREATE TABLE "insight_latency_bins" (
    "account_sid" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "service_sid" TEXT NOT NULL,
    "sender_type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bin" INTEGER NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "insight_latency_bins_pkey" PRIMARY KEY ("account_sid", "hour", "service_sid", "sender_type", "kind", "bin", "shard")
);

CREATE TABLE "insight_latency_days" (
    "account_sid" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "service_sid" TEXT NOT NULL,
    "sender_type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bin" INTEGER NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "insight_latency_days_pkey" PRIMARY KEY ("account_sid", "day", "service_sid", "sender_type", "kind", "bin", "shard")
);

CREATE TABLE "insight_event_counts" (
    "account_sid" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "service_sid" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "insight_event_counts_pkey" PRIMARY KEY ("account_sid", "hour", "service_sid", "kind", "shard")
);

CREATE TABLE "insight_event_days" (
    "account_sid" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "service_sid" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    CONSTRAINT "insight_event_days_pkey" PRIMARY KEY ("account_sid", "day", "service_sid", "kind", "shard")
);

-- A service's rows in a time range (the service filter and a service's Insights tab): without
-- these, the primary keys (account, time, service, ...) read every service's rows of the range.
CREATE INDEX "insight_message_counts_account_sid_service_sid_hour_idx" ON "insight_message_counts"("account_sid", "service_sid", "hour");
CREATE INDEX "insight_message_days_account_sid_service_sid_day_idx" ON "insight_message_days"("account_sid", "service_sid", "day");
CREATE INDEX "insight_throughput_account_sid_service_sid_hour_idx" ON "insight_throughput"("account_sid", "service_sid", "hour");
CREATE INDEX "insight_latency_bins_account_sid_service_sid_hour_idx" ON "insight_latency_bins"("account_sid", "service_sid", "hour");
CREATE INDEX "insight_latency_days_account_sid_service_sid_day_idx" ON "insight_latency_days"("account_sid", "service_sid", "day");
CREATE INDEX "insight_event_counts_account_sid_service_sid_hour_idx" ON "insight_event_counts"("account_sid", "service_sid", "hour");
CREATE INDEX "insight_event_days_account_sid_service_sid_day_idx" ON "insight_event_days"("account_sid", "service_sid", "day");

-- Adds event counts to the hourly and daily event tables (called by the event triggers below).
CREATE FUNCTION insight_add_events(rows jsonb) RETURNS void LANGUAGE sql AS $$
  WITH e AS (
    SELECT r.account_sid, r.hour, r.service_sid, r.kind, r.n FROM jsonb_to_recordset(rows) AS r(account_sid text, hour timestamp, service_sid text, kind text, n bigint)
  ), h AS (
    INSERT INTO insight_event_counts AS c (account_sid, hour, service_sid, kind, shard, count)
    SELECT account_sid, hour, service_sid, kind, insight_shard(), sum(n) FROM e GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (account_sid, hour, service_sid, kind, shard) DO UPDATE SET count = c.count + EXCLUDED.count
  )
  INSERT INTO insight_event_days AS c (account_sid, day, service_sid, kind, shard, count)
  SELECT account_sid, date_trunc('day', hour), service_sid, kind, insight_shard(), sum(n) FROM e GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (account_sid, day, service_sid, kind, shard) DO UPDATE SET count = c.count + EXCLUDED.count
$$;

-- Folds the shards of closed hours (and days) into shard 0, one row per key, and drops keys
-- whose count is 0: the read cost of a range shrinks by up to the shard count. Sums are
-- unchanged and it runs in one transaction, so exactness holds; a late transition of an old
-- message that races it simply writes its shard row again. Run hourly by the workers
-- (lib/server/services/insights/compact-rollups.ts).
CREATE FUNCTION insight_compact(before timestamp) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  folded bigint := 0;
  n bigint;
BEGIN
  WITH moved AS (DELETE FROM insight_message_counts WHERE hour < before AND shard <> 0 RETURNING account_sid, hour, service_sid, direction, status, error_code, sender_type, count)
  INSERT INTO insight_message_counts AS c (account_sid, hour, service_sid, direction, status, error_code, sender_type, shard, count)
  SELECT account_sid, hour, service_sid, direction, status, error_code, sender_type, 0, sum(count) FROM moved GROUP BY account_sid, hour, service_sid, direction, status, error_code, sender_type ORDER BY account_sid, hour, service_sid, direction, status, error_code, sender_type
  ON CONFLICT (account_sid, hour, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  DELETE FROM insight_message_counts WHERE hour < before AND count = 0;
  WITH moved AS (DELETE FROM insight_message_days WHERE day < date_trunc('day', before) - interval '1 day' AND shard <> 0 RETURNING account_sid, day, service_sid, direction, status, error_code, sender_type, count)
  INSERT INTO insight_message_days AS c (account_sid, day, service_sid, direction, status, error_code, sender_type, shard, count)
  SELECT account_sid, day, service_sid, direction, status, error_code, sender_type, 0, sum(count) FROM moved GROUP BY account_sid, day, service_sid, direction, status, error_code, sender_type ORDER BY account_sid, day, service_sid, direction, status, error_code, sender_type
  ON CONFLICT (account_sid, day, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  DELETE FROM insight_message_days WHERE day < date_trunc('day', before) - interval '1 day' AND count = 0;
  WITH moved AS (DELETE FROM insight_sender_counts WHERE hour < before AND shard <> 0 RETURNING account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, count)
  INSERT INTO insight_sender_counts AS c (account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, shard, count)
  SELECT account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, 0, sum(count) FROM moved GROUP BY account_sid, sender, hour, service_sid, direction, status, error_code, sender_type ORDER BY account_sid, sender, hour, service_sid, direction, status, error_code, sender_type
  ON CONFLICT (account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  DELETE FROM insight_sender_counts WHERE hour < before AND count = 0;
  WITH moved AS (DELETE FROM insight_throughput WHERE hour < before AND shard <> 0 RETURNING account_sid, hour, service_sid, sender_type, count)
  INSERT INTO insight_throughput AS c (account_sid, hour, service_sid, sender_type, shard, count)
  SELECT account_sid, hour, service_sid, sender_type, 0, sum(count) FROM moved GROUP BY account_sid, hour, service_sid, sender_type ORDER BY account_sid, hour, service_sid, sender_type
  ON CONFLICT (account_sid, hour, service_sid, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  DELETE FROM insight_throughput WHERE hour < before AND count = 0;
  WITH moved AS (DELETE FROM insight_latency_bins WHERE hour < before AND shard <> 0 RETURNING account_sid, hour, service_sid, sender_type, kind, bin, count)
  INSERT INTO insight_latency_bins AS c (account_sid, hour, service_sid, sender_type, kind, bin, shard, count)
  SELECT account_sid, hour, service_sid, sender_type, kind, bin, 0, sum(count) FROM moved GROUP BY account_sid, hour, service_sid, sender_type, kind, bin ORDER BY account_sid, hour, service_sid, sender_type, kind, bin
  ON CONFLICT (account_sid, hour, service_sid, sender_type, kind, bin, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  DELETE FROM insight_latency_bins WHERE hour < before AND count = 0;
  WITH moved AS (DELETE FROM insight_latency_days WHERE day < date_trunc('day', before) - interval '1 day' AND shard <> 0 RETURNING account_sid, day, service_sid, sender_type, kind, bin, count)
  INSERT INTO insight_latency_days AS c (account_sid, day, service_sid, sender_type, kind, bin, shard, count)
  SELECT account_sid, day, service_sid, sender_type, kind, bin, 0, sum(count) FROM moved GROUP BY account_sid, day, service_sid, sender_type, kind, bin ORDER BY account_sid, day, service_sid, sender_type, kind, bin
  ON CONFLICT (account_sid, day, service_sid, sender_type, kind, bin, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  DELETE FROM insight_latency_days WHERE day < date_trunc('day', before) - interval '1 day' AND count = 0;
  WITH moved AS (DELETE FROM insight_event_counts WHERE hour < before AND shard <> 0 RETURNING account_sid, hour, service_sid, kind, count)
  INSERT INTO insight_event_counts AS c (account_sid, hour, service_sid, kind, shard, count)
  SELECT account_sid, hour, service_sid, kind, 0, sum(count) FROM moved GROUP BY account_sid, hour, service_sid, kind ORDER BY account_sid, hour, service_sid, kind
  ON CONFLICT (account_sid, hour, service_sid, kind, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  DELETE FROM insight_event_counts WHERE hour < before AND count = 0;
  WITH moved AS (DELETE FROM insight_event_days WHERE day < date_trunc('day', before) - interval '1 day' AND shard <> 0 RETURNING account_sid, day, service_sid, kind, count)
  INSERT INTO insight_event_days AS c (account_sid, day, service_sid, kind, shard, count)
  SELECT account_sid, day, service_sid, kind, 0, sum(count) FROM moved GROUP BY account_sid, day, service_sid, kind ORDER BY account_sid, day, service_sid, kind
  ON CONFLICT (account_sid, day, service_sid, kind, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  DELETE FROM insight_event_days WHERE day < date_trunc('day', before) - interval '1 day' AND count = 0;
  RETURN folded;
END $$;

-- Messages: +1 per inserted row, and per update -1 for the old dimensions and +1 for the new
-- (rows whose dimensions did not change cancel out and write nothing). Sorted upserts: two
-- statements sharing a shard lock their rows in the same order. The insert and update branches
-- are the same statement over a different input (a transition table exists only where declared).
CREATE FUNCTION insight_messages_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sh int := insight_shard();
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH d AS (
      SELECT account_sid, date_trunc('hour', created_at) AS hour, COALESCE(service_sid, '') AS service_sid, insight_sender(direction, "from", "to") AS sender,
             direction, status, COALESCE(error_code, 0) AS error_code, insight_sender_type(sender_sid, insight_sender(direction, "from", "to")) AS sender_type, 1 AS n
        FROM new_rows
    ), s AS (
      SELECT account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, sum(n) AS n FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
    ), a AS (
      INSERT INTO insight_message_counts AS c (account_sid, hour, service_sid, direction, status, error_code, sender_type, shard, count)
      SELECT account_sid, hour, service_sid, direction, status, error_code, sender_type, sh, sum(n) FROM s
       GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (account_sid, hour, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count
    ), b AS (
      INSERT INTO insight_message_days AS c (account_sid, day, service_sid, direction, status, error_code, sender_type, shard, count)
      SELECT account_sid, date_trunc('day', hour), service_sid, direction, status, error_code, sender_type, sh, sum(n) FROM s
       GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (account_sid, day, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count
    ), t AS (
      INSERT INTO insight_throughput AS c (account_sid, hour, service_sid, sender_type, shard, count)
      SELECT account_sid, hour, service_sid, sender_type, sh, sum(n) FROM s WHERE direction <> 'inbound'
       GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (account_sid, hour, service_sid, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count
    )
    INSERT INTO insight_sender_counts AS c (account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, shard, count)
    SELECT account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, sh, n FROM s ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  ELSE
    WITH d AS (
      SELECT account_sid, date_trunc('hour', created_at) AS hour, COALESCE(service_sid, '') AS service_sid, insight_sender(direction, "from", "to") AS sender,
             direction, status, COALESCE(error_code, 0) AS error_code, insight_sender_type(sender_sid, insight_sender(direction, "from", "to")) AS sender_type, -1 AS n
        FROM old_rows
      UNION ALL
      SELECT account_sid, date_trunc('hour', created_at) AS hour, COALESCE(service_sid, '') AS service_sid, insight_sender(direction, "from", "to") AS sender,
             direction, status, COALESCE(error_code, 0) AS error_code, insight_sender_type(sender_sid, insight_sender(direction, "from", "to")) AS sender_type, 1 AS n
        FROM new_rows
    ), s AS (
      SELECT account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, sum(n) AS n FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
    ), a AS (
      INSERT INTO insight_message_counts AS c (account_sid, hour, service_sid, direction, status, error_code, sender_type, shard, count)
      SELECT account_sid, hour, service_sid, direction, status, error_code, sender_type, sh, sum(n) FROM s
       GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (account_sid, hour, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count
    ), b AS (
      INSERT INTO insight_message_days AS c (account_sid, day, service_sid, direction, status, error_code, sender_type, shard, count)
      SELECT account_sid, date_trunc('day', hour), service_sid, direction, status, error_code, sender_type, sh, sum(n) FROM s
       GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (account_sid, day, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count
    ), t AS (
      INSERT INTO insight_throughput AS c (account_sid, hour, service_sid, sender_type, shard, count)
      SELECT account_sid, hour, service_sid, sender_type, sh, sum(n) FROM s WHERE direction <> 'inbound'
       GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (account_sid, hour, service_sid, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count
    )
    INSERT INTO insight_sender_counts AS c (account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, shard, count)
    SELECT account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, sh, n FROM s ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER insight_messages_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_messages_count();
CREATE TRIGGER insight_messages_update AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_messages_count();

-- Latency: each 'sent' and 'delivered' event (written once per message by the conditional
-- transition) adds its time since the message's creation to the histograms of the message's
-- hour and day.
CREATE FUNCTION insight_events_latency() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sh int := insight_shard();
BEGIN
  WITH s AS (
    SELECT m.account_sid, date_trunc('hour', m.created_at) AS hour, COALESCE(m.service_sid, '') AS service_sid,
           insight_sender_type(m.sender_sid, insight_sender(m.direction, m."from", m."to")) AS sender_type, e.status AS kind,
           insight_latency_bin(GREATEST(0, extract(epoch FROM e.created_at - m.created_at) * 1000)) AS bin, count(*) AS n
      FROM new_rows e JOIN messages m ON m.sid = e.message_sid
     WHERE e.status IN ('sent', 'delivered')
     GROUP BY 1, 2, 3, 4, 5, 6
  ), h AS (
    INSERT INTO insight_latency_bins AS c (account_sid, hour, service_sid, sender_type, kind, bin, shard, count)
    SELECT account_sid, hour, service_sid, sender_type, kind, bin, sh, n FROM s ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (account_sid, hour, service_sid, sender_type, kind, bin, shard) DO UPDATE SET count = c.count + EXCLUDED.count
  )
  INSERT INTO insight_latency_days AS c (account_sid, day, service_sid, sender_type, kind, bin, shard, count)
  SELECT account_sid, date_trunc('day', hour), service_sid, sender_type, kind, bin, sh, sum(n) FROM s GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (account_sid, day, service_sid, sender_type, kind, bin, shard) DO UPDATE SET count = c.count + EXCLUDED.count;
  RETURN NULL;
END $$;

CREATE TRIGGER insight_message_events_insert AFTER INSERT ON message_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_events_latency();

-- Opt-outs and opt-ins (the opt-out list's audit), short links created, clicks, and first clicks
-- (a click on a link nobody clicked before: click-through counts each link once).
CREATE FUNCTION insight_opt_out_events_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insight_add_events(jsonb_agg(to_jsonb(x))) FROM (
    SELECT s.account_sid, date_trunc('hour', e.created_at) AS hour, e.service_sid, e.action AS kind, count(*) AS n
      FROM new_rows e JOIN services s ON s.sid = e.service_sid GROUP BY 1, 2, 3, 4
  ) x HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION insight_short_links_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insight_add_events(jsonb_agg(to_jsonb(x))) FROM (
    SELECT account_sid, date_trunc('hour', created_at) AS hour, service_sid, 'link_created' AS kind, count(*) AS n FROM new_rows GROUP BY 1, 2, 3
  ) x HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION insight_link_clicks_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insight_add_events(jsonb_agg(to_jsonb(x))) FROM (
    SELECT account_sid, date_trunc('hour', clicked_at) AS hour, service_sid, k.kind, count(*) AS n
      FROM new_rows n
     CROSS JOIN LATERAL (
       SELECT 'link_click' AS kind
       UNION ALL
       SELECT 'link_first_click' WHERE NOT EXISTS (SELECT 1 FROM link_clicks o WHERE o.slug = n.slug AND o.id < n.id)
     ) k
     GROUP BY 1, 2, 3, 4
  ) x HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE TRIGGER insight_opt_out_events_insert AFTER INSERT ON opt_out_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_opt_out_events_count();
CREATE TRIGGER insight_short_links_insert AFTER INSERT ON short_links
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_short_links_count();
CREATE TRIGGER insight_link_clicks_insert AFTER INSERT ON link_clicks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_link_clicks_count();

-- Backfill what exists (shard 0), with the same expressions as the triggers.
CREATE TEMP TABLE insight_backfill AS
SELECT account_sid, date_trunc('hour', created_at) AS hour, COALESCE(service_sid, '') AS service_sid, insight_sender(direction, "from", "to") AS sender,
       direction, status, COALESCE(error_code, 0) AS error_code, insight_sender_type(sender_sid, insight_sender(direction, "from", "to")) AS sender_type, count(*) AS n
  FROM messages GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO insight_message_counts (account_sid, hour, service_sid, direction, status, error_code, sender_type, shard, count)
SELECT account_sid, hour, service_sid, direction, status, error_code, sender_type, 0, sum(n) FROM insight_backfill GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO insight_message_days (account_sid, day, service_sid, direction, status, error_code, sender_type, shard, count)
SELECT account_sid, date_trunc('day', hour), service_sid, direction, status, error_code, sender_type, 0, sum(n) FROM insight_backfill GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO insight_throughput (account_sid, hour, service_sid, sender_type, shard, count)
SELECT account_sid, hour, service_sid, sender_type, 0, sum(n) FROM insight_backfill WHERE direction <> 'inbound' GROUP BY 1, 2, 3, 4;
INSERT INTO insight_sender_counts (account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, shard, count)
SELECT account_sid, sender, hour, service_sid, direction, status, error_code, sender_type, 0, n FROM insight_backfill;
DROP TABLE insight_backfill;

CREATE TEMP TABLE insight_backfill_latency AS
SELECT m.account_sid, date_trunc('hour', m.created_at) AS hour, COALESCE(m.service_sid, '') AS service_sid,
       insight_sender_type(m.sender_sid, insight_sender(m.direction, m."from", m."to")) AS sender_type, e.status AS kind,
       insight_latency_bin(GREATEST(0, extract(epoch FROM e.created_at - m.created_at) * 1000)) AS bin, count(*) AS n
  FROM message_events e JOIN messages m ON m.sid = e.message_sid
 WHERE e.status IN ('sent', 'delivered')
 GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO insight_latency_bins (account_sid, hour, service_sid, sender_type, kind, bin, shard, count)
SELECT account_sid, hour, service_sid, sender_type, kind, bin, 0, n FROM insight_backfill_latency;
INSERT INTO insight_latency_days (account_sid, day, service_sid, sender_type, kind, bin, shard, count)
SELECT account_sid, date_trunc('day', hour), service_sid, sender_type, kind, bin, 0, sum(n) FROM insight_backfill_latency GROUP BY 1, 2, 3, 4, 5, 6;
DROP TABLE insight_backfill_latency;

-- Backfill of the event tables, through the triggers' own function.
SELECT insight_add_events(jsonb_agg(to_jsonb(x))) FROM (
SELECT account_sid, hour, service_sid, kind, sum(n) AS n FROM (
  SELECT s.account_sid, date_trunc('hour', e.created_at) AS hour, e.service_sid, e.action AS kind, count(*) AS n
    FROM opt_out_events e JOIN services s ON s.sid = e.service_sid GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT account_sid, date_trunc('hour', created_at), service_sid, 'link_created', count(*) FROM short_links GROUP BY 1, 2, 3
  UNION ALL
  SELECT account_sid, date_trunc('hour', clicked_at), service_sid, 'link_click', count(*) FROM link_clicks GROUP BY 1, 2, 3
  UNION ALL
  SELECT account_sid, date_trunc('hour', clicked_at), service_sid, 'link_first_click', count(*)
    FROM (SELECT DISTINCT ON (slug) account_sid, clicked_at, service_sid FROM link_clicks ORDER BY slug, id) f GROUP BY 1, 2, 3
) b GROUP BY 1, 2, 3, 4
) x HAVING count(*) > 0;
