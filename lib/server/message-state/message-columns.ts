import { Prisma } from "@/lib/generated/prisma/client";
import type { Message } from "@/lib/generated/prisma/client";

/**
 * Raw-SQL select list that yields Prisma's `Message` shape (camelCase keys),
 * so the hot paths written as single SQL statements return the same type as
 * Prisma queries. Qualify with an alias when joining.
 */
export function messageColumns(alias = ""): Prisma.Sql {
  const a = alias ? `${alias}.` : "";
  return Prisma.raw(
    [
      `${a}sid`,
      `${a}account_sid AS "accountSid"`,
      `${a}service_sid AS "serviceSid"`,
      `${a}direction`,
      `${a}"from"`,
      `${a}"to"`,
      `${a}body`,
      `${a}media_urls AS "mediaUrls"`,
      `${a}status`,
      `${a}num_segments AS "numSegments"`,
      `${a}encoding`,
      `${a}smart_encoded AS "smartEncoded"`,
      `${a}error_code AS "errorCode"`,
      `${a}error_message AS "errorMessage"`,
      `${a}status_callback AS "statusCallback"`,
      `${a}validity_period AS "validityPeriod"`,
      `${a}send_at AS "sendAt"`,
      `${a}sender_sid AS "senderSid"`,
      `${a}routing_trace AS "routingTrace"`,
      `${a}fallback_from AS "fallbackFrom"`,
      `${a}carrier_sid AS "carrierSid"`,
      `${a}date_sent AS "dateSent"`,
      `${a}created_at AS "createdAt"`,
      `${a}updated_at AS "updatedAt"`,
    ].join(", "),
  );
}

export type { Message };

/** Outbound statuses from which the pipeline may still act on a message. */
export const PENDING_STATUSES = ["accepted", "scheduled", "queued", "sending"] as const;
export const FINAL_STATUSES = ["delivered", "undelivered", "failed", "canceled", "received", "read"] as const;
