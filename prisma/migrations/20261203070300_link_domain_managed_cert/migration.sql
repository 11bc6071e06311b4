-- RequestManagedCert: the domain's certificate is issued by the (simulated) managed CA; a manual upload clears it.
ALTER TABLE "link_domains" ADD COLUMN "managed_cert" BOOLEAN NOT NULL DEFAULT false;
