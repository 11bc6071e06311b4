-- Link Shortening and Click Tracking (issue #7, docs/decisions.md "Link Shortening").
-- A domain row carries its one config (fallback/callback URL, delivery preference).

CREATE TABLE "link_domains" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "domain_name" TEXT NOT NULL,
    "config_sid" TEXT NOT NULL,
    "fallback_url" TEXT,
    "callback_url" TEXT,
    "continue_on_failure" BOOLEAN NOT NULL DEFAULT true,
    "disable_https" BOOLEAN NOT NULL DEFAULT false,
    "config_created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "config_updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "link_domains_pkey" PRIMARY KEY ("sid")
);
-- Requests are routed by Host header: a name belongs to one account only.
CREATE UNIQUE INDEX "link_domains_domain_name_key" ON "link_domains"("domain_name");
CREATE UNIQUE INDEX "link_domains_config_sid_key" ON "link_domains"("config_sid");
CREATE INDEX "link_domains_account_sid_created_at_idx" ON "link_domains"("account_sid", "created_at");
ALTER TABLE "link_domains" ADD CONSTRAINT "link_domains_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Certificates: state active | pending (cert_in_validation) | retired. Private keys AES-256-GCM encrypted.
CREATE TABLE "link_domain_certificates" (
    "sid" TEXT NOT NULL,
    "domain_sid" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "cert_pem" TEXT NOT NULL,
    "key_encrypted" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "not_before" TIMESTAMP(3) NOT NULL,
    "not_after" TIMESTAMP(3) NOT NULL,
    "activated_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "link_domain_certificates_pkey" PRIMARY KEY ("sid")
);
CREATE INDEX "link_domain_certificates_domain_sid_state_idx" ON "link_domain_certificates"("domain_sid", "state");
ALTER TABLE "link_domain_certificates" ADD CONSTRAINT "link_domain_certificates_domain_sid_fkey" FOREIGN KEY ("domain_sid") REFERENCES "link_domains"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Service -> domain: the primary key makes "at most one domain per service" a guarantee.
CREATE TABLE "link_domain_services" (
    "service_sid" TEXT NOT NULL,
    "domain_sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "link_domain_services_pkey" PRIMARY KEY ("service_sid")
);
CREATE INDEX "link_domain_services_domain_sid_idx" ON "link_domain_services"("domain_sid");
ALTER TABLE "link_domain_services" ADD CONSTRAINT "link_domain_services_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "link_domain_services" ADD CONSTRAINT "link_domain_services_domain_sid_fkey" FOREIGN KEY ("domain_sid") REFERENCES "link_domains"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Short links are never deleted (no cascading foreign keys): the primary key on the
-- slug is what guarantees a slug is never handed out twice, even after its domain goes.
CREATE TABLE "short_links" (
    "slug" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "domain_sid" TEXT NOT NULL,
    "service_sid" TEXT NOT NULL,
    "message_sid" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "original_url" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "short_links_pkey" PRIMARY KEY ("slug")
);
CREATE INDEX "short_links_message_sid_idx" ON "short_links"("message_sid");
CREATE INDEX "short_links_service_sid_created_at_idx" ON "short_links"("service_sid", "created_at");

-- One row per click; the callback columns record the webhook delivery (job per row).
CREATE TABLE "link_clicks" (
    "id" BIGSERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "service_sid" TEXT NOT NULL,
    "message_sid" TEXT NOT NULL,
    "clicked_at" TIMESTAMP(3) NOT NULL,
    "user_agent" TEXT NOT NULL DEFAULT '',
    "callback_url" TEXT,
    "callback_attempts" INTEGER NOT NULL DEFAULT 0,
    "callback_status" INTEGER,
    "callback_error" TEXT,
    "callback_delivered_at" TIMESTAMP(3),
    CONSTRAINT "link_clicks_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "link_clicks_slug_idx" ON "link_clicks"("slug");
CREATE INDEX "link_clicks_message_sid_idx" ON "link_clicks"("message_sid");
CREATE INDEX "link_clicks_service_sid_clicked_at_idx" ON "link_clicks"("service_sid", "clicked_at");
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_slug_fkey" FOREIGN KEY ("slug") REFERENCES "short_links"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- Shortening rate limit (100 requests/s per account): one fixed 1-second window per account, shared by every process.
CREATE TABLE "link_rate_windows" (
    "account_sid" TEXT NOT NULL,
    "window_start" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "link_rate_windows_pkey" PRIMARY KEY ("account_sid")
);
