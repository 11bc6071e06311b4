-- Message Logs: a service combined with a status or an error code. With only the
-- single-filter indexes, a combination that matches few or no rows (a service
-- without failures) walks the whole service range in created_at order; these
-- keep it an index range in keyset order (created_at, sid).
CREATE INDEX "messages_account_sid_service_sid_status_created_at_sid_idx" ON "messages"("account_sid", "service_sid", "status", "created_at", "sid");
CREATE INDEX "messages_account_sid_service_sid_error_code_created_at_sid_idx" ON "messages"("account_sid", "service_sid", "error_code", "created_at", "sid");
