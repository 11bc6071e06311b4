-- Issue #16 (docs/reliability.md).

-- The worker process a pool belongs to: a pool is alive while its process holds its liveness
-- connection (application_name 'switchyard-worker:<process_id>', seen in pg_stat_activity).
ALTER TABLE "pipeline_workers" ADD COLUMN "process_id" TEXT;

-- At most one hand-off per message: a dispatch claims the message (token = its attempt) right before
-- the carrier submit. A claim left by another attempt means that attempt died around its submit.
CREATE TABLE "dispatch_claims" (
    "message_sid" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "claimed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_claims_pkey" PRIMARY KEY ("message_sid")
);

-- Messages create with an idempotency key (I-Twilio-Idempotency-Token / Idempotency-Key): a retried
-- create answers the first message.
CREATE TABLE "message_idempotency_keys" (
    "account_sid" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "message_sid" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_idempotency_keys_pkey" PRIMARY KEY ("account_sid", "key")
);

-- What dispatch decided for a message found claimed by an attempt that died around its submit
-- (the driver's resubmitAfterCrash): 'resubmitted' or 'failed'. For operators, and the fault test.
CREATE TABLE "dispatch_recoveries" (
    "id" BIGSERIAL NOT NULL,
    "message_sid" TEXT NOT NULL,
    "dead_token" TEXT NOT NULL,
    "driver" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispatch_recoveries_pkey" PRIMARY KEY ("id")
);

-- Lookups by message (the Message Logs, the fault test).
CREATE INDEX "dispatch_recoveries_message_sid_idx" ON "dispatch_recoveries"("message_sid");
