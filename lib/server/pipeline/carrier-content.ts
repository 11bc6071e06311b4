import { encodeBody } from "@/lib/core/encoding/encode-body";
import type { Message } from "@/lib/server/message-state/message-columns";
import type { SentContent } from "./route-message";

function sentOf(trace: unknown): SentContent | undefined {
  if (!trace || typeof trace !== "object" || Array.isArray(trace)) return undefined;
  const sent = (trace as { sent?: unknown }).sent;
  return sent && typeof sent === "object" ? (sent as SentContent) : undefined;
}

/**
 * Body and media handed to the carrier. A routed message carries the plan
 * made at routing (Smart Encoding, MMS Converter links) in its stored trace,
 * so a re-submit after a crash sends exactly the same content. Messages sent
 * from an explicit From were not planned: Smart Encoding applies as set.
 */
export function carrierContent(m: Pick<Message, "body" | "mediaUrls" | "routingTrace">, smartEncoding: boolean): { body: string; mediaUrls: string[] } {
  const sent = sentOf(m.routingTrace);
  if (sent) return { body: sent.body ?? m.body, mediaUrls: sent.converted ? [] : m.mediaUrls };
  return { body: encodeBody(m.body, { smartEncoding }).body, mediaUrls: m.mediaUrls };
}
