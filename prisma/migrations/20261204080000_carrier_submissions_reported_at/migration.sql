-- The settle sweep (docs/carriers.md "Delivery reports and parts") reads the last two hours of reports.
CREATE INDEX "carrier_submissions_reported_at_idx" ON "carrier_submissions"("reported_at");
