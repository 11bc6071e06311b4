import { describe, expect, it } from "vitest";
import { parseXml, textContent, XmlError } from "./parse-xml";

describe("parseXml: well-formed documents", () => {
  it("reads elements, attributes and text in order", () => {
    expect(parseXml(`<a x="1" y='two'>hi<b/>there<c z="3">in</c></a>`)).toEqual({
      name: "a",
      attrs: { x: "1", y: "two" },
      children: ["hi", { name: "b", attrs: {}, children: [] }, "there", { name: "c", attrs: { z: "3" }, children: ["in"] }],
    });
  });

  it.each([
    ["predefined entities", "<a>&lt;&gt;&amp;&quot;&apos;</a>", `<>&"'`],
    ["decimal reference", "<a>&#65;&#233;</a>", "Aé"],
    ["hex reference (astral)", "<a>&#x1F600;</a>", "😀"],
    ["CDATA is literal", "<a><![CDATA[<b>&amp;</b>]]></a>", "<b>&amp;</b>"],
    ["text around CDATA joins", "<a>x<![CDATA[y]]>z</a>", "xyz"],
    ["CRLF becomes LF", "<a>1\r\n2\r3</a>", "1\n2\n3"],
    ["'>' is allowed in text", "<a>1 > 0</a>", "1 > 0"],
  ])("%s", (_name, src, text) => {
    expect(textContent(parseXml(src))).toBe(text);
  });

  it("skips the declaration, a BOM, comments and processing instructions", () => {
    const root = parseXml(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- lead --><a><!-- in -->t<?pi x?></a><!-- tail -->\n`);
    expect(root).toEqual({ name: "a", attrs: {}, children: ["t"] });
  });

  it("decodes entities in attributes and normalizes their whitespace", () => {
    expect(parseXml(`<a href="x?a=1&amp;b=2" t="l1\nl2\tx"/>`).attrs).toEqual({ href: "x?a=1&b=2", t: "l1 l2 x" });
  });

  it("allows whitespace around '=' and before '>' of a closing tag", () => {
    expect(parseXml(`<a  k = "v" ></a >`)).toEqual({ name: "a", attrs: { k: "v" }, children: [] });
  });

  it("keeps namespace-style names as written", () => {
    expect(parseXml(`<x:a x:k="1"/>`)).toEqual({ name: "x:a", attrs: { "x:k": "1" }, children: [] });
  });
});

describe("parseXml: refuses what is not well-formed", () => {
  it.each([
    ["empty", ""],
    ["only a comment", "<!-- x -->"],
    ["plain text", "ok"],
    ["text before the root", "ok<a/>"],
    ["two roots", "<a/><b/>"],
    ["text after the root", "<a/>x"],
    ["unclosed element", "<a><b></b>"],
    ["mismatched close", "<a></b>"],
    ["unquoted attribute", "<a x=1/>"],
    ["attribute without value", "<a x/>"],
    ["duplicate attribute", `<a x="1" x="2"/>`],
    ["attributes run together", `<a x="1"y="2"/>`],
    ["'<' in attribute", `<a x="<"/>`],
    ["unknown entity", "<a>&nbsp;</a>"],
    ["bare ampersand", "<a>fish & chips</a>"],
    ["invalid char reference", "<a>&#0;</a>"],
    ["DOCTYPE (entity definitions)", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`],
    ["unterminated comment", "<a><!-- x</a>"],
    ["'--' in comment", "<a><!-- a -- b --></a>"],
    ["unterminated CDATA", "<a><![CDATA[x</a>"],
    ["']]>' in text", "<a>x]]>y</a>"],
    ["bad name", "<1a/>"],
    ["JSON", `{"ok":true}`],
    ["HTML error page", "<html><body><p>Error<br></body></html>"],
  ])("%s", (_name, src) => {
    expect(() => parseXml(src)).toThrow(XmlError);
  });

  it("reports where it stopped", () => {
    try {
      parseXml("<a></b>");
      expect.unreachable();
    } catch (err) {
      expect((err as XmlError).offset).toBe(6);
      expect((err as XmlError).message).toMatch(/expected <\/a> but found <\/b>/);
    }
  });
});
