-- A2P 10DLC: brands and the service's campaign (v1 Compliance/Usa2p), vetting simulated (docs/api.md "A2P 10DLC").
CREATE TABLE "a2p_brands" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "company_name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "a2p_brands_pkey" PRIMARY KEY ("sid")
);
CREATE INDEX "a2p_brands_account_sid_created_at_idx" ON "a2p_brands"("account_sid", "created_at");
ALTER TABLE "a2p_brands" ADD CONSTRAINT "a2p_brands_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "a2p_campaigns" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "service_sid" TEXT NOT NULL,
    "brand_sid" TEXT,
    "campaign_id" TEXT NOT NULL,
    "externally_registered" BOOLEAN NOT NULL DEFAULT false,
    "usecase" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "message_flow" TEXT NOT NULL,
    "message_samples" TEXT[],
    "has_embedded_links" BOOLEAN NOT NULL DEFAULT false,
    "has_embedded_phone" BOOLEAN NOT NULL DEFAULT false,
    "subscriber_opt_in" BOOLEAN NOT NULL DEFAULT false,
    "age_gated" BOOLEAN NOT NULL DEFAULT false,
    "direct_lending" BOOLEAN NOT NULL DEFAULT false,
    "opt_in_message" TEXT,
    "opt_out_message" TEXT,
    "help_message" TEXT,
    "opt_in_keywords" TEXT[],
    "opt_out_keywords" TEXT[],
    "help_keywords" TEXT[],
    "privacy_policy_url" TEXT,
    "terms_url" TEXT,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "a2p_campaigns_pkey" PRIMARY KEY ("sid")
);
CREATE UNIQUE INDEX "a2p_campaigns_service_sid_key" ON "a2p_campaigns"("service_sid");
ALTER TABLE "a2p_campaigns" ADD CONSTRAINT "a2p_campaigns_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "a2p_campaigns" ADD CONSTRAINT "a2p_campaigns_brand_sid_fkey" FOREIGN KEY ("brand_sid") REFERENCES "a2p_brands"("sid") ON DELETE RESTRICT ON UPDATE CASCADE;
