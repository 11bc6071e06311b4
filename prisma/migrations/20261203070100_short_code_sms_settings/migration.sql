-- 2010 SMS/ShortCodes update: a short code's own name and inbound webhook (used when it is in no
-- service, or its service defers to the sender's webhook, as for phone numbers).
ALTER TABLE "short_codes" ADD COLUMN "friendly_name" TEXT;
ALTER TABLE "short_codes" ADD COLUMN "sms_url" TEXT;
ALTER TABLE "short_codes" ADD COLUMN "sms_method" TEXT NOT NULL DEFAULT 'POST';
ALTER TABLE "short_codes" ADD COLUMN "sms_fallback_url" TEXT;
ALTER TABLE "short_codes" ADD COLUMN "sms_fallback_method" TEXT NOT NULL DEFAULT 'POST';
