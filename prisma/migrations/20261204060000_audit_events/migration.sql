-- The audit log (docs/audit.md): one row per console or API change, written in
-- the change's own transaction. before/after hold only the changed fields, secrets redacted.
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "account_sid" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_sid" TEXT NOT NULL,
    "service_sid" TEXT,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_account_sid_fkey"
    FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- The log page, newest first (scanned backwards; keyset on created_at, id); a date range is a range of it.
CREATE INDEX "audit_events_account_sid_created_at_id_idx" ON "audit_events"("account_sid", "created_at", "id");
-- The filters.
CREATE INDEX "audit_events_account_sid_action_created_at_id_idx" ON "audit_events"("account_sid", "action", "created_at", "id");
CREATE INDEX "audit_events_account_sid_resource_sid_created_at_id_idx" ON "audit_events"("account_sid", "resource_sid", "created_at", "id");
CREATE INDEX "audit_events_account_sid_service_sid_created_at_id_idx" ON "audit_events"("account_sid", "service_sid", "created_at", "id");
CREATE INDEX "audit_events_account_sid_actor_label_created_at_id_idx" ON "audit_events"("account_sid", "actor_label", "created_at", "id");
