/** The inbox line of a message: its text on one line, or what it carries when it has none. */
export function conversationPreview(body: string, mediaCount: number): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text) return text.length > 140 ? text.slice(0, 139) + "…" : text;
  return mediaCount === 1 ? "1 attachment" : mediaCount > 1 ? `${mediaCount} attachments` : "";
}
