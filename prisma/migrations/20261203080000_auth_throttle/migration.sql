-- Sign-in and API credential throttling (docs/security.md "Throttling"): one row per
-- throttled key ("email:<address>", "ip:<address>", "account:<sid>"), shared by every process.
CREATE TABLE "auth_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "auth_throttle_pkey" PRIMARY KEY ("key")
);
