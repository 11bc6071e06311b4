/**
 * A small, strict XML reader for TwiML answers: elements, attributes, text,
 * CDATA, comments, processing instructions and the predefined and numeric
 * character references. A DOCTYPE is refused (no entity definitions, so no
 * entity-expansion attacks), as is anything not well-formed: a webhook
 * answer that is not XML must not half-send replies.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  constructor(
    message: string,
    /** Offset in the source where the problem was found. */
    readonly offset: number,
  ) {
    super(`${message} (at offset ${offset})`);
    this.name = "XmlError";
  }
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Replaces character references; throws on an unknown or malformed one. */
function decodeText(raw: string, at: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string, offset: number) => {
    if (!whole.endsWith(";")) throw new XmlError(`unterminated character reference '${whole}'`, at + offset);
    const named = PREDEFINED[ref];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!m) throw new XmlError(`unknown entity '&${ref};'`, at + offset);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2] as string, 10);
    const valid = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!valid) throw new XmlError(`invalid character reference '&${ref};'`, at + offset);
    return String.fromCodePoint(code);
  });
}

class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  fail(message: string): never {
    throw new XmlError(message, this.pos);
  }
  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }
  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] as string)) this.pos++;
  }
  name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail("expected a name");
    this.pos += m[0].length;
    return m[0];
  }
  /** Skips `<!-- -->` and `<? ?>` (outside and inside elements). Returns false when neither is here. */
  skipMisc(): boolean {
    if (this.startsWith("<!--")) {
      const end = this.src.indexOf("-->", this.pos + 4);
      if (end < 0) this.fail("unterminated comment");
      if (this.src.slice(this.pos + 4, end).includes("--")) this.fail("'--' inside a comment");
      this.pos = end + 3;
      return true;
    }
    if (this.startsWith("<?")) {
      const end = this.src.indexOf("?>", this.pos + 2);
      if (end < 0) this.fail("unterminated processing instruction");
      this.pos = end + 2;
      return true;
    }
    return false;
  }

  element(): XmlElement {
    if (!this.startsWith("<")) this.fail("expected '<'");
    this.pos++;
    const name = this.name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      if (this.startsWith("/>")) {
        this.pos += 2;
        return { name, attrs, children: [] };
      }
      if (this.startsWith(">")) {
        this.pos++;
        break;
      }
      if (this.pos === before) this.fail("expected whitespace between attributes");
      const attr = this.name();
      this.skipSpace();
      if (!this.startsWith("=")) this.fail(`expected '=' after attribute ${attr}`);
      this.pos++;
      this.skipSpace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail("expected a quoted attribute value");
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail("unterminated attribute value");
      const raw = this.src.slice(this.pos + 1, end);
      if (raw.includes("<")) this.fail("'<' in an attribute value");
      if (Object.hasOwn(attrs, attr)) this.fail(`duplicate attribute ${attr}`);
      // Attribute-value normalization: literal whitespace characters become spaces.
      attrs[attr] = decodeText(raw.replace(/[\t\n\r]/g, " "), this.pos + 1);
      this.pos = end + 1;
    }
    const children: XmlNode[] = [];
    let text = "";
    const flush = () => {
      if (text) children.push(text);
      text = "";
    };
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`missing </${name}>`);
      if (this.startsWith("</")) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`expected </${name}> but found </${closing}>`);
        this.skipSpace();
        if (!this.startsWith(">")) this.fail("expected '>'");
        this.pos++;
        flush();
        return { name, attrs, children };
      }
      if (this.startsWith("<![CDATA[")) {
        const end = this.src.indexOf("]]>", this.pos + 9);
        if (end < 0) this.fail("unterminated CDATA section");
        text += this.src.slice(this.pos + 9, end);
        this.pos = end + 3;
        continue;
      }
      if (this.skipMisc()) continue;
      if (this.startsWith("<!")) this.fail("declarations are not allowed inside elements");
      if (this.startsWith("<")) {
        flush();
        children.push(this.element());
        continue;
      }
      const next = this.src.indexOf("<", this.pos);
      const end = next < 0 ? this.src.length : next;
      const raw = this.src.slice(this.pos, end);
      if (raw.includes("]]>")) this.fail("']]>' in text");
      text += decodeText(raw, this.pos);
      this.pos = end;
    }
  }
}

/** Parses a complete document and returns its root element; throws XmlError when it is not well-formed. */
export function parseXml(source: string): XmlElement {
  const r = new Reader(source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const prolog = () => {
    for (;;) {
      r.skipSpace();
      if (r.startsWith("<!DOCTYPE") || r.startsWith("<!doctype")) r.fail("a DOCTYPE is not allowed");
      if (!r.skipMisc()) return;
    }
  };
  prolog();
  if (r.pos >= r.src.length) r.fail("the document is empty");
  if (!r.startsWith("<")) r.fail("text before the root element");
  const root = r.element();
  prolog();
  if (r.pos < r.src.length) r.fail("content after the root element");
  return root;
}

/** The concatenated text of an element and its descendants. */
export function textContent(node: XmlNode): string {
  return typeof node === "string" ? node : node.children.map(textContent).join("");
}
