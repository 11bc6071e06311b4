-- Carrier connections (SMPP and Twilio-compatible HTTP upstreams), prefix routes, live bind
-- state, per-segment submissions (delivery-report matching) and early reports (docs/carriers.md).
CREATE TABLE "carriers" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "friendly_name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secret" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "carriers_pkey" PRIMARY KEY ("sid")
);
CREATE INDEX "carriers_account_sid_created_at_idx" ON "carriers"("account_sid", "created_at");
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "carrier_routes" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "carrier_sids" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "carrier_routes_pkey" PRIMARY KEY ("sid")
);
CREATE UNIQUE INDEX "carrier_routes_account_sid_prefix_key" ON "carrier_routes"("account_sid", "prefix");
ALTER TABLE "carrier_routes" ADD CONSTRAINT "carrier_routes_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "carrier_binds" (
    "carrier_sid" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "bind_index" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "last_error" TEXT,
    "last_error_at" TIMESTAMP(3),
    "window_in_use" INTEGER NOT NULL DEFAULT 0,
    "queue_depth" INTEGER NOT NULL DEFAULT 0,
    "mps_out" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "mps_in" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reconnects" INTEGER NOT NULL DEFAULT 0,
    "last_report_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "carrier_binds_pkey" PRIMARY KEY ("carrier_sid", "process_id", "bind_index")
);
ALTER TABLE "carrier_binds" ADD CONSTRAINT "carrier_binds_carrier_sid_fkey" FOREIGN KEY ("carrier_sid") REFERENCES "carriers"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "carrier_submissions" (
    "id" BIGSERIAL NOT NULL,
    "message_sid" TEXT NOT NULL,
    "carrier_sid" TEXT NOT NULL,
    "part_index" INTEGER NOT NULL,
    "part_count" INTEGER NOT NULL,
    "carrier_message_id" TEXT,
    "status" TEXT NOT NULL,
    "error_code" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reported_at" TIMESTAMP(3),
    CONSTRAINT "carrier_submissions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "carrier_submissions_message_sid_carrier_sid_part_index_key" ON "carrier_submissions"("message_sid", "carrier_sid", "part_index");
CREATE INDEX "carrier_submissions_carrier_sid_carrier_message_id_idx" ON "carrier_submissions"("carrier_sid", "carrier_message_id");

CREATE TABLE "carrier_pending_reports" (
    "id" BIGSERIAL NOT NULL,
    "carrier_sid" TEXT NOT NULL,
    "carrier_message_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_code" INTEGER,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "carrier_pending_reports_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "carrier_pending_reports_carrier_sid_carrier_message_id_idx" ON "carrier_pending_reports"("carrier_sid", "carrier_message_id");

-- Senders bound to a carrier (null: prefix routes, then the account default), and the carrier
-- that took each message.
ALTER TABLE "phone_numbers" ADD COLUMN "carrier_sid" TEXT;
ALTER TABLE "short_codes" ADD COLUMN "carrier_sid" TEXT;
ALTER TABLE "alpha_senders" ADD COLUMN "carrier_sid" TEXT;
ALTER TABLE "channel_senders" ADD COLUMN "carrier_sid" TEXT;
ALTER TABLE "messages" ADD COLUMN "carrier_sid" TEXT;
