-- Issue #16 (docs/reliability.md).

-- The worker process a pool belongs to: a pool is alive while its process holds its liveness
-- connection (application_name 'switchyard-worker:<process_id>', seen in pg_stat_activity).
ALTER TABLE "pipeline_workers" ADD COLUMN "process_id" TEXT;

-- At most one hand-off per message: a dispatch claims the message (token = its attempt) right before
-- the carrier submit. A claim left by another attempt means that attempt died around its submit.
CREATE TABLE "dispatch_claims" (
    "message_sid" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "dispatch_claims_pkey" PRIMARY KEY ("message_sid")
);

-- Messages create with an idempotency key (I-Twilio-Idempotency-Token / Idempotency-Key): a retried
-- create answers the first message.
CREATE TABLE "message_idempotency_keys" (
    "account_sid" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "message_sid" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),

    CONSTRAINT "message_idempotency_keys_pkey" PRIMARY KEY ("account_sid", "key")
);
