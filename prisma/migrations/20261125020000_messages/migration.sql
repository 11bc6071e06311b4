-- Send pipeline: messages, their status history, opt-outs, status callbacks,
-- the per-sender rate limiter, worker heartbeats and the carrier simulator.
-- The durable job queue itself lives in the `graphile_worker` schema, which
-- graphile-worker migrates on its own at startup (lib/server/pipeline/queue-schema.ts).

CREATE TABLE "messages" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "service_sid" TEXT,
    "direction" TEXT NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "media_urls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" TEXT NOT NULL,
    "num_segments" INTEGER NOT NULL DEFAULT 0,
    "encoding" TEXT,
    "smart_encoded" BOOLEAN NOT NULL DEFAULT false,
    "error_code" INTEGER,
    "error_message" TEXT,
    "status_callback" TEXT,
    "validity_period" INTEGER NOT NULL,
    "send_at" TIMESTAMP(3),
    "sender_sid" TEXT,
    "routing_trace" JSONB,
    "date_sent" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "messages_pkey" PRIMARY KEY ("sid")
);
CREATE INDEX "messages_account_sid_created_at_sid_idx" ON "messages"("account_sid", "created_at", "sid");
CREATE INDEX "messages_account_sid_to_created_at_idx" ON "messages"("account_sid", "to", "created_at");
CREATE INDEX "messages_service_sid_idx" ON "messages"("service_sid");
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "messages" ADD CONSTRAINT "messages_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "message_events" (
    "id" BIGSERIAL NOT NULL,
    "message_sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_code" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "message_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "message_events_message_sid_id_idx" ON "message_events"("message_sid", "id");
ALTER TABLE "message_events" ADD CONSTRAINT "message_events_message_sid_fkey" FOREIGN KEY ("message_sid") REFERENCES "messages"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "opt_outs" (
    "service_sid" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT,
    "source" TEXT NOT NULL,
    CONSTRAINT "opt_outs_pkey" PRIMARY KEY ("service_sid", "recipient")
);
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "status_callbacks" (
    "id" BIGSERIAL NOT NULL,
    "message_sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "response_status" INTEGER,
    "response_body" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_attempt_at" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3),
    CONSTRAINT "status_callbacks_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "status_callbacks_message_sid_status_key" ON "status_callbacks"("message_sid", "status");
ALTER TABLE "status_callbacks" ADD CONSTRAINT "status_callbacks_message_sid_fkey" FOREIGN KEY ("message_sid") REFERENCES "messages"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "sender_rate_slots" (
    "sender_sid" TEXT NOT NULL,
    "next_at" TIMESTAMP(6) NOT NULL,
    CONSTRAINT "sender_rate_slots_pkey" PRIMARY KEY ("sender_sid")
);

CREATE TABLE "pipeline_workers" (
    "pool_id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pipeline_workers_pkey" PRIMARY KEY ("pool_id")
);

CREATE TABLE "sim_rules" (
    "id" BIGSERIAL NOT NULL,
    "account_sid" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "error_code" INTEGER,
    "no_short_code" BOOLEAN NOT NULL DEFAULT false,
    "no_mms" BOOLEAN NOT NULL DEFAULT false,
    "rcs_capable" BOOLEAN NOT NULL DEFAULT false,
    "latency_ms" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sim_rules_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sim_rules_account_sid_prefix_key" ON "sim_rules"("account_sid", "prefix");
ALTER TABLE "sim_rules" ADD CONSTRAINT "sim_rules_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "sim_deliveries" (
    "message_sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "media_urls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "submit_count" INTEGER NOT NULL DEFAULT 1,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sim_deliveries_pkey" PRIMARY KEY ("message_sid")
);
CREATE INDEX "sim_deliveries_account_sid_to_received_at_idx" ON "sim_deliveries"("account_sid", "to", "received_at");
CREATE INDEX "sim_deliveries_account_sid_received_at_idx" ON "sim_deliveries"("account_sid", "received_at");
