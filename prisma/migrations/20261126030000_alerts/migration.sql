-- Alerts (issue #6 part C): warnings raised while handling a message, e.g. the
-- Sender ID pre-registration alert. They never block a send.
CREATE TABLE "alerts" (
    "id" BIGSERIAL NOT NULL,
    "account_sid" TEXT NOT NULL,
    "service_sid" TEXT,
    "message_sid" TEXT,
    "code" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- Alerts page, newest first, keyset paging on (created_at, id).
CREATE INDEX "alerts_account_sid_created_at_id_idx" ON "alerts"("account_sid", "created_at", "id");
-- Filtered by service (also the Compliance page's recent alerts).
CREATE INDEX "alerts_account_sid_service_sid_created_at_id_idx" ON "alerts"("account_sid", "service_sid", "created_at", "id");
-- Filtered by type (code).
CREATE INDEX "alerts_account_sid_code_created_at_id_idx" ON "alerts"("account_sid", "code", "created_at", "id");
-- Deleting a service sets service_sid to null.
CREATE INDEX "alerts_service_sid_idx" ON "alerts"("service_sid");

ALTER TABLE "alerts" ADD CONSTRAINT "alerts_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE SET NULL ON UPDATE CASCADE;
