/** Every status a message can have, outbound and inbound (the message logs filter by them). */
export const MESSAGE_STATUSES = [
  "accepted",
  "scheduled",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "canceled",
  "receiving",
  "received",
  "read",
] as const;
