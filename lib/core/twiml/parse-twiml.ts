import { parseXml, textContent, XmlError, type XmlElement } from "./parse-xml";

/** One `<Message>` of a TwiML answer: what to send back. */
export interface TwimlMessage {
  /** `to` attribute; absent = reply to whoever texted. */
  to?: string;
  /** `from` attribute; absent = the sender that received the message. */
  from?: string;
  body: string;
  mediaUrls: string[];
  /** `statusCallback` attribute (Twilio's `action` is its older name and is read the same way). */
  statusCallback?: string;
}

export type TwimlResult =
  | {
      ok: true;
      messages: TwimlMessage[];
      /** Verbs and nouns we do not act on (`<Redirect>`, `<Say>`, unknown ones), in document order. */
      ignored: string[];
    }
  | { ok: false; error: string };

const attr = (el: XmlElement, name: string): string | undefined => {
  const v = el.attrs[name]?.trim();
  return v ? v : undefined;
};

function readMessage(el: XmlElement, ignored: string[]): TwimlMessage {
  let direct = "";
  const bodies: string[] = [];
  const mediaUrls: string[] = [];
  for (const child of el.children) {
    if (typeof child === "string") direct += child;
    else if (child.name === "Body") bodies.push(textContent(child));
    else if (child.name === "Media") {
      const url = textContent(child).trim();
      if (url) mediaUrls.push(url);
    } else ignored.push(`Message/${child.name}`);
  }
  // Twilio: with nested nouns the text lives in <Body>; text beside them is layout whitespace.
  const body = bodies.length > 0 ? bodies.join("").trim() : direct.trim();
  const msg: TwimlMessage = { body, mediaUrls };
  const to = attr(el, "to");
  const from = attr(el, "from");
  const statusCallback = attr(el, "statusCallback") ?? attr(el, "action");
  if (to) msg.to = to;
  if (from) msg.from = from;
  if (statusCallback) msg.statusCallback = statusCallback;
  return msg;
}

/**
 * Reads a messaging TwiML answer: `<Response>` with any number of
 * `<Message>` verbs (text content, or `<Body>` and `<Media>` nouns; `to`,
 * `from`, `statusCallback` attributes). Other verbs are listed in `ignored`
 * and skipped, as Twilio skips verbs a messaging request cannot run. An
 * empty answer (or `<Response/>`) sends nothing. Anything that is not
 * well-formed XML with a `<Response>` root is an error and sends nothing.
 */
export function parseTwiml(source: string): TwimlResult {
  if (source.trim() === "") return { ok: true, messages: [], ignored: [] };
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (err) {
    if (err instanceof XmlError) return { ok: false, error: `Invalid TwiML: ${err.message}` };
    throw err;
  }
  if (root.name !== "Response") return { ok: false, error: `Invalid TwiML: the root element is <${root.name}>, expected <Response>` };
  const messages: TwimlMessage[] = [];
  const ignored: string[] = [];
  for (const child of root.children) {
    if (typeof child === "string") continue;
    if (child.name === "Message") messages.push(readMessage(child, ignored));
    else ignored.push(child.name);
  }
  return { ok: true, messages, ignored };
}
