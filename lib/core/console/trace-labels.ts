/**
 * The routing trace names senders by their SIDs (lib/core/route keeps the
 * decision free of display data). The console shows the number or name in
 * their place: the loader looks up the SIDs found here, and the trace is
 * rendered from the segments `labelTraceLine` returns.
 */

/** The pipeline stores the trace as a list of lines, or an object holding one (with warnings). */
export function traceLines(value: unknown): { trace: string[]; warnings: string[] } {
  if (Array.isArray(value)) return { trace: value.map(String), warnings: [] };
  if (value && typeof value === "object") {
    const v = value as { trace?: unknown; warnings?: unknown };
    const warnings = Array.isArray(v.warnings)
      ? v.warnings.map((w) => (typeof w === "object" && w && "message" in w ? String((w as { message: unknown }).message) : String(w)))
      : [];
    return { trace: Array.isArray(v.trace) ? v.trace.map(String) : [], warnings };
  }
  return { trace: [], warnings: [] };
}

/** Sender SIDs: phone numbers (PN), short codes (SC), alpha senders (AI), WhatsApp/RCS senders (XE). */
const SENDER_SID = /\b(?:PN|SC|AI|XE)[0-9a-f]{32}\b/g;

/** Every distinct sender SID the lines mention, in order of first mention. */
export function senderSidsIn(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const line of lines) for (const m of line.matchAll(SENDER_SID)) seen.add(m[0]);
  return [...seen];
}

export type TraceSegment = { text: string } | { label: string; sid: string };

/**
 * One trace line as text and sender segments. A SID with no label (the
 * sender was deleted since) stays as it is. "From +1415… (PN…)" already
 * names the sender: there the parenthesised SID is dropped rather than
 * repeating the number.
 */
export function labelTraceLine(line: string, labels: Readonly<Record<string, string>>): TraceSegment[] {
  const out: TraceSegment[] = [];
  let text = "";
  let last = 0;
  for (const m of line.matchAll(SENDER_SID)) {
    const sid = m[0];
    const at = m.index;
    const label = labels[sid];
    if (label === undefined) continue;
    const before = line.slice(last, at);
    if (before.endsWith(`${label} (`) && line.startsWith(")", at + sid.length)) {
      // "label (SID)": keep the label already written, as the sender, and drop " (SID)".
      text += before.slice(0, before.length - label.length - 2);
      if (text) out.push({ text });
      out.push({ label, sid });
      text = "";
      last = at + sid.length + 1;
      continue;
    }
    text += before;
    if (text) out.push({ text });
    out.push({ label, sid });
    text = "";
    last = at + sid.length;
  }
  text += line.slice(last);
  if (text) out.push({ text });
  return out;
}
