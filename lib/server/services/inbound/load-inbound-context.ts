import { decryptToken } from "@/lib/server/security/token-crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InboundSettings, SenderWebhook } from "@/lib/core/twiml/inbound-target";
import { db } from "@/lib/server/db/client";

export interface InboundContext {
  message: { sid: string; accountSid: string; serviceSid: string | null; from: string; to: string; body: string; mediaUrls: string[]; numSegments: number; createdAt: Date };
  authToken: string;
  service: InboundSettings | null;
  /** The receiving phone number's own webhook; null for short codes and channel senders. */
  senderWebhook: SenderWebhook | null;
  /** Country of the receiving sender (short codes carry it; numbers' addresses tell it themselves). */
  senderCountry: string | null;
  handling: { keywordDone: boolean; optOutType: string | null; attempts: number; completedAt: Date | null };
}

/** Everything the inbound job needs, in one round trip. Null when the message is gone (deleted meanwhile). */
export async function loadInboundContext(sid: string): Promise<InboundContext | null> {
  const rows = await db.$queryRaw<
    {
      sid: string;
      account_sid: string;
      service_sid: string | null;
      from: string | null;
      to: string;
      body: string;
      media_urls: string[];
      num_segments: number;
      created_at: Date;
      auth_token: string;
      incoming_handling: string | null;
      inbound_request_url: string | null;
      inbound_method: string | null;
      fallback_url: string | null;
      fallback_method: string | null;
      use_inbound_webhook_on_number: boolean | null;
      sms_url: string | null;
      sms_method: string | null;
      is_number: boolean;
      sender_country: string | null;
      keyword_done: boolean | null;
      opt_out_type: string | null;
      attempts: number | null;
      completed_at: Date | null;
    }[]
  >(Prisma.sql`
    SELECT m.sid, m.account_sid, m.service_sid, m."from", m."to", m.body, m.media_urls, m.num_segments, m.created_at,
           a.auth_token,
           s.incoming_handling, s.inbound_request_url, s.inbound_method, s.fallback_url, s.fallback_method, s.use_inbound_webhook_on_number,
           COALESCE(pn.sms_url, sc.sms_url) AS sms_url, COALESCE(pn.sms_method, sc.sms_method) AS sms_method, (pn.sid IS NOT NULL OR sc.sid IS NOT NULL) AS is_number, COALESCE(pn.iso_country, sc.iso_country) AS sender_country,
           h.keyword_done, h.opt_out_type, h.attempts, h.completed_at
      FROM messages m
      JOIN accounts a ON a.sid = m.account_sid
      LEFT JOIN services s ON s.sid = m.service_sid
      LEFT JOIN phone_numbers pn ON pn.sid = m.sender_sid
      LEFT JOIN short_codes sc ON sc.sid = m.sender_sid
      LEFT JOIN inbound_handling h ON h.message_sid = m.sid
     WHERE m.sid = ${sid} AND m.direction = 'inbound'`);
  const r = rows[0];
  if (!r) return null;
  return {
    message: { sid: r.sid, accountSid: r.account_sid, serviceSid: r.service_sid, from: r.from ?? "", to: r.to, body: r.body, mediaUrls: r.media_urls, numSegments: r.num_segments, createdAt: r.created_at },
    authToken: decryptToken(r.auth_token),
    service:
      r.service_sid && r.incoming_handling !== null
        ? {
            incomingHandling: r.incoming_handling,
            inboundRequestUrl: r.inbound_request_url,
            inboundMethod: r.inbound_method ?? "POST",
            fallbackUrl: r.fallback_url,
            fallbackMethod: r.fallback_method ?? "POST",
            useInboundWebhookOnNumber: Boolean(r.use_inbound_webhook_on_number),
          }
        : null,
    senderWebhook: r.is_number ? { smsUrl: r.sms_url, smsMethod: r.sms_method ?? "POST" } : null,
    senderCountry: r.sender_country,
    handling: { keywordDone: Boolean(r.keyword_done), optOutType: r.opt_out_type, attempts: r.attempts ?? 0, completedAt: r.completed_at },
  };
}
