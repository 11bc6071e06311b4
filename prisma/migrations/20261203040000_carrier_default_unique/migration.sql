-- At most one default carrier per account (docs/carriers.md "Carriers API and console").
CREATE UNIQUE INDEX "carriers_account_sid_key" ON "carriers"("account_sid") WHERE "is_default";
