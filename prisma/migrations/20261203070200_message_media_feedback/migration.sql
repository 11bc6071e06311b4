-- 2010 Messages/{SM}/Media and Messages/{SM}/Feedback (docs/api.md).
CREATE TABLE "message_media" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "message_sid" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "deleted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "message_media_pkey" PRIMARY KEY ("sid")
);
CREATE UNIQUE INDEX "message_media_message_sid_position_key" ON "message_media"("message_sid", "position");
ALTER TABLE "message_media" ADD CONSTRAINT "message_media_message_sid_fkey" FOREIGN KEY ("message_sid") REFERENCES "messages"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "message_feedback" (
    "message_sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "message_feedback_pkey" PRIMARY KEY ("message_sid")
);
ALTER TABLE "message_feedback" ADD CONSTRAINT "message_feedback_message_sid_fkey" FOREIGN KEY ("message_sid") REFERENCES "messages"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
