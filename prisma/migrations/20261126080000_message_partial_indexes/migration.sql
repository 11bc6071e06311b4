-- Message Logs indexes that most rows never need become partial: error codes (only failed and
-- undelivered rows have one), From (null until dispatch picks a pool sender) and inbound (the bulk
-- is outbound). Every filter that uses them implies the predicate (error_code = $1, "from" = $1,
-- direction = 'inbound'), so the queries are unchanged. Inserting and then delivering a pool
-- message now writes 15 index entries instead of 22 (docs/performance.md "Send pipeline").
DROP INDEX "messages_account_sid_error_code_created_at_sid_idx";
CREATE INDEX "messages_account_sid_error_code_created_at_sid_idx" ON "messages"("account_sid", "error_code", "created_at", "sid") WHERE "error_code" IS NOT NULL;
DROP INDEX "messages_account_sid_service_sid_error_code_created_at_sid_idx";
CREATE INDEX "messages_account_sid_service_sid_error_code_created_at_sid_idx" ON "messages"("account_sid", "service_sid", "error_code", "created_at", "sid") WHERE "error_code" IS NOT NULL;
DROP INDEX "messages_account_sid_from_created_at_sid_idx";
CREATE INDEX "messages_account_sid_from_created_at_sid_idx" ON "messages"("account_sid", "from", "created_at", "sid") WHERE "from" IS NOT NULL;
DROP INDEX "messages_account_sid_direction_created_at_sid_idx";
CREATE INDEX "messages_account_sid_direction_created_at_sid_idx" ON "messages"("account_sid", "direction", "created_at", "sid") WHERE "direction" = 'inbound';
