-- CreateTable
CREATE TABLE "accounts" (
    "sid" TEXT NOT NULL,
    "friendly_name" TEXT NOT NULL,
    "auth_token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "friendly_name" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "services" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "friendly_name" TEXT NOT NULL,
    "usecase" TEXT NOT NULL DEFAULT 'undeclared',
    "inbound_request_url" TEXT,
    "inbound_method" TEXT NOT NULL DEFAULT 'POST',
    "fallback_url" TEXT,
    "fallback_method" TEXT NOT NULL DEFAULT 'POST',
    "status_callback" TEXT,
    "sticky_sender" BOOLEAN NOT NULL DEFAULT true,
    "mms_converter" BOOLEAN NOT NULL DEFAULT true,
    "smart_encoding" BOOLEAN NOT NULL DEFAULT true,
    "scan_message_content" TEXT NOT NULL DEFAULT 'inherit',
    "fallback_to_long_code" BOOLEAN NOT NULL DEFAULT false,
    "area_code_geomatch" BOOLEAN NOT NULL DEFAULT true,
    "validity_period" INTEGER NOT NULL DEFAULT 36000,
    "synchronous_validation" BOOLEAN NOT NULL DEFAULT true,
    "use_inbound_webhook_on_number" BOOLEAN NOT NULL DEFAULT false,
    "incoming_handling" TEXT NOT NULL DEFAULT 'defer',
    "sender_id_prereg_alert" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "services_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "phone_numbers" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "phone_number" TEXT NOT NULL,
    "friendly_name" TEXT NOT NULL,
    "iso_country" TEXT NOT NULL,
    "number_type" TEXT NOT NULL,
    "sms_enabled" BOOLEAN NOT NULL DEFAULT true,
    "mms_enabled" BOOLEAN NOT NULL DEFAULT false,
    "voice_enabled" BOOLEAN NOT NULL DEFAULT false,
    "sms_url" TEXT,
    "sms_method" TEXT NOT NULL DEFAULT 'POST',
    "mps" INTEGER,
    "service_sid" TEXT,
    "added_to_service_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "phone_numbers_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "short_codes" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "short_code" TEXT NOT NULL,
    "iso_country" TEXT NOT NULL,
    "sms_enabled" BOOLEAN NOT NULL DEFAULT true,
    "mms_enabled" BOOLEAN NOT NULL DEFAULT false,
    "mps" INTEGER,
    "service_sid" TEXT,
    "added_to_service_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "short_codes_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "alpha_senders" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "service_sid" TEXT NOT NULL,
    "alpha_sender" TEXT NOT NULL,
    "iso_country_code" TEXT NOT NULL DEFAULT '',
    "mps" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "alpha_senders_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "channel_senders" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "sender_type" TEXT NOT NULL,
    "country_code" TEXT NOT NULL DEFAULT '',
    "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "mps" INTEGER,
    "service_sid" TEXT,
    "added_to_service_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "channel_senders_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "sticky_mappings" (
    "service_sid" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "sender_sid" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "sticky_mappings_pkey" PRIMARY KEY ("service_sid","channel","recipient")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "users_account_sid_idx" ON "users"("account_sid");
CREATE INDEX "api_keys_account_sid_idx" ON "api_keys"("account_sid");
CREATE INDEX "services_account_sid_created_at_idx" ON "services"("account_sid", "created_at");
CREATE UNIQUE INDEX "phone_numbers_phone_number_key" ON "phone_numbers"("phone_number");
CREATE INDEX "phone_numbers_account_sid_created_at_idx" ON "phone_numbers"("account_sid", "created_at");
CREATE INDEX "phone_numbers_service_sid_idx" ON "phone_numbers"("service_sid");
CREATE UNIQUE INDEX "short_codes_short_code_iso_country_key" ON "short_codes"("short_code", "iso_country");
CREATE INDEX "short_codes_account_sid_created_at_idx" ON "short_codes"("account_sid", "created_at");
CREATE INDEX "short_codes_service_sid_idx" ON "short_codes"("service_sid");
CREATE UNIQUE INDEX "alpha_senders_service_sid_iso_country_code_key" ON "alpha_senders"("service_sid", "iso_country_code");
CREATE UNIQUE INDEX "channel_senders_sender_key" ON "channel_senders"("sender");
CREATE INDEX "channel_senders_account_sid_created_at_idx" ON "channel_senders"("account_sid", "created_at");
CREATE INDEX "channel_senders_service_sid_idx" ON "channel_senders"("service_sid");
CREATE INDEX "sticky_mappings_sender_sid_idx" ON "sticky_mappings"("sender_sid");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "services" ADD CONSTRAINT "services_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "short_codes" ADD CONSTRAINT "short_codes_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "short_codes" ADD CONSTRAINT "short_codes_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "alpha_senders" ADD CONSTRAINT "alpha_senders_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "alpha_senders" ADD CONSTRAINT "alpha_senders_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "channel_senders" ADD CONSTRAINT "channel_senders_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "channel_senders" ADD CONSTRAINT "channel_senders_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sticky_mappings" ADD CONSTRAINT "sticky_mappings_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
