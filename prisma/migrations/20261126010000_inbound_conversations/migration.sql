-- Inbound messages and Conversations (issue #6 part A).

-- Autocreated conversations: one thread per (service, participant). The
-- sender address is the service's sender the participant last wrote to;
-- replies from the thread go out from it through the service.
CREATE TABLE "conversations" (
    "sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "service_sid" TEXT NOT NULL,
    "participant_address" TEXT NOT NULL,
    "sender_address" TEXT NOT NULL,
    "last_message_at" TIMESTAMP(3) NOT NULL,
    "last_message_preview" TEXT NOT NULL DEFAULT '',
    "last_message_direction" TEXT NOT NULL,
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conversations_pkey" PRIMARY KEY ("sid")
);
-- The upsert key of an inbound message's thread.
CREATE UNIQUE INDEX "conversations_service_sid_participant_address_key" ON "conversations"("service_sid", "participant_address");
-- The inbox: an account's threads, newest activity first.
CREATE INDEX "conversations_account_sid_last_message_at_idx" ON "conversations"("account_sid", "last_message_at");
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_account_sid_fkey" FOREIGN KEY ("account_sid") REFERENCES "accounts"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_service_sid_fkey" FOREIGN KEY ("service_sid") REFERENCES "services"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Messages of a thread (inbound ones and replies sent from it). A join
-- table rather than a column on messages: the hot insert path of every
-- outbound message stays as it is.
CREATE TABLE "conversation_messages" (
    "message_sid" TEXT NOT NULL,
    "conversation_sid" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "conversation_messages_pkey" PRIMARY KEY ("message_sid")
);
-- A thread's messages in order.
CREATE INDEX "conversation_messages_conversation_sid_created_at_idx" ON "conversation_messages"("conversation_sid", "created_at");
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_message_sid_fkey" FOREIGN KEY ("message_sid") REFERENCES "messages"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_conversation_sid_fkey" FOREIGN KEY ("conversation_sid") REFERENCES "conversations"("sid") ON DELETE CASCADE ON UPDATE CASCADE;

-- Progress of the inbound job of each received message, so a retried job
-- skips the steps already done, plus what the webhook answered.
CREATE TABLE "inbound_handling" (
    "message_sid" TEXT NOT NULL,
    "account_sid" TEXT NOT NULL,
    "keyword_done" BOOLEAN NOT NULL DEFAULT false,
    "opt_out_type" TEXT,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "url" TEXT,
    "method" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "response_status" INTEGER,
    "last_error" TEXT,
    "replies" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),
    CONSTRAINT "inbound_handling_pkey" PRIMARY KEY ("message_sid")
);
ALTER TABLE "inbound_handling" ADD CONSTRAINT "inbound_handling_message_sid_fkey" FOREIGN KEY ("message_sid") REFERENCES "messages"("sid") ON DELETE CASCADE ON UPDATE CASCADE;
