-- Advanced Opt-Out (issue #6 part B).

-- A service's keyword configuration (lib/core/opt-out OptOutConfig as JSON,
-- including the Advanced Opt-Out on/off flag). No row = the defaults.
CREATE TABLE "opt_out_settings" (
    "service_sid" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,
    CONSTRAINT "opt_out_settings_pkey" PRIMARY KEY ("service_sid")
);
ALTER TABLE "opt_out_settings" ADD CONSTRAINT "opt_out_settings_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Audit of every change to the opt-out list: who (user id, API credential or
-- keyword), what (opt_out / opt_in) and when. opt_outs holds only the current state.
CREATE TABLE "opt_out_events" (
    "id" BIGSERIAL NOT NULL,
    "service_sid" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "actor" TEXT,
    "message_sid" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "opt_out_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "opt_out_events_service_sid_recipient_id_idx" ON "opt_out_events"("service_sid", "recipient", "id");
ALTER TABLE "opt_out_events" ADD CONSTRAINT "opt_out_events_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keyword replies (STOP confirmation, HELP, START) that may go to a recipient
-- on the opt-out list: dispatch's 21610 re-check skips exactly these messages.
CREATE TABLE "opt_out_replies" (
    "message_sid" TEXT NOT NULL,
    "inbound_sid" TEXT NOT NULL,
    CONSTRAINT "opt_out_replies_pkey" PRIMARY KEY ("message_sid")
);
ALTER TABLE "opt_out_replies" ADD CONSTRAINT "opt_out_replies_message_sid_fkey" FOREIGN KEY ("message_sid") REFERENCES "messages"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Opt-out list page: search by recipient prefix/substring, newest first.
CREATE INDEX "opt_outs_service_sid_created_at_idx" ON "opt_outs"("service_sid", "created_at");
