-- Message Logs: one index per filter, each ending in the keyset order (created_at, sid).
CREATE INDEX "messages_account_sid_service_sid_created_at_sid_idx" ON "messages"("account_sid", "service_sid", "created_at", "sid");
CREATE INDEX "messages_account_sid_status_created_at_sid_idx" ON "messages"("account_sid", "status", "created_at", "sid");
CREATE INDEX "messages_account_sid_direction_created_at_sid_idx" ON "messages"("account_sid", "direction", "created_at", "sid");
CREATE INDEX "messages_account_sid_error_code_created_at_sid_idx" ON "messages"("account_sid", "error_code", "created_at", "sid");
CREATE INDEX "messages_account_sid_from_created_at_sid_idx" ON "messages"("account_sid", "from", "created_at", "sid");
