-- Guided setup (docs/console.md "Guided setup"): a step the user skipped or confirmed, per service.
CREATE TABLE "service_setup_steps" (
    "service_sid" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "service_setup_steps_pkey" PRIMARY KEY ("service_sid", "step"),
    CONSTRAINT "service_setup_steps_step_check" CHECK ("step" IN ('senders', 'integration', 'compliance')),
    CONSTRAINT "service_setup_steps_state_check" CHECK ("state" IN ('skipped', 'confirmed'))
);
ALTER TABLE "service_setup_steps" ADD CONSTRAINT "service_setup_steps_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
