-- Per-account message log retention (docs/operations.md "Retention"): days a message is kept after
-- its creation; NULL keeps messages forever. The purge (lib/server/services/retention) walks
-- messages_account_sid_created_at_sid_idx, oldest first.
ALTER TABLE "accounts" ADD COLUMN "message_retention_days" INTEGER;
