-- The 2010 Keys resource has date_updated (a key's friendly name can change through the API).
ALTER TABLE "api_keys" ADD COLUMN "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
