import { describe, expect, it } from "vitest";
import { parseTwiml } from "./parse-twiml";

describe("parseTwiml", () => {
  it.each([
    ["empty body", ""],
    ["whitespace", "  \n"],
    ["empty Response", "<Response/>"],
    ["empty Response with declaration", `<?xml version="1.0" encoding="UTF-8"?><Response></Response>`],
    ["only whitespace inside", "<Response>\n  </Response>"],
  ])("%s sends nothing", (_name, src) => {
    expect(parseTwiml(src)).toEqual({ ok: true, messages: [], ignored: [] });
  });

  it("one Message with text content, trimmed of layout whitespace", () => {
    expect(parseTwiml("<Response>\n  <Message>\n    Thanks &amp; bye\n  </Message>\n</Response>")).toEqual({
      ok: true,
      messages: [{ body: "Thanks & bye", mediaUrls: [] }],
      ignored: [],
    });
  });

  it("several Messages in document order, with to/from/statusCallback attributes", () => {
    const r = parseTwiml(`<Response><Message>one</Message><Message to="+14155550100" from="+14155550199" statusCallback="https://x.test/cb">two</Message></Response>`);
    expect(r).toEqual({
      ok: true,
      messages: [
        { body: "one", mediaUrls: [] },
        { body: "two", mediaUrls: [], to: "+14155550100", from: "+14155550199", statusCallback: "https://x.test/cb" },
      ],
      ignored: [],
    });
  });

  it("Body and Media nouns; text beside nouns is ignored", () => {
    const r = parseTwiml(`<Response><Message>
      <Body>Here is a cat</Body>
      <Media>https://x.test/cat.jpg</Media>
      <Media> https://x.test/dog.png </Media>
    </Message></Response>`);
    expect(r).toEqual({ ok: true, messages: [{ body: "Here is a cat", mediaUrls: ["https://x.test/cat.jpg", "https://x.test/dog.png"] }], ignored: [] });
  });

  it("media only (no body)", () => {
    expect(parseTwiml(`<Response><Message><Media>https://x.test/a.gif</Media></Message></Response>`)).toEqual({
      ok: true,
      messages: [{ body: "", mediaUrls: ["https://x.test/a.gif"] }],
      ignored: [],
    });
  });

  it("keeps the inside of a CDATA body verbatim", () => {
    const r = parseTwiml(`<Response><Message><Body><![CDATA[a <b> & c]]></Body></Message></Response>`);
    expect(r.ok && r.messages[0]?.body).toBe("a <b> & c");
  });

  it("empty attributes count as absent; action is read as the status callback", () => {
    const r = parseTwiml(`<Response><Message to="" from=" " action="https://x.test/a" method="POST">hi</Message></Response>`);
    expect(r).toEqual({ ok: true, messages: [{ body: "hi", mediaUrls: [], statusCallback: "https://x.test/a" }], ignored: [] });
  });

  it("ignores verbs and nouns it cannot run, still sending the Messages", () => {
    const r = parseTwiml(`<Response><Say>hello</Say><Message>hi<Unknown/></Message><Redirect>https://x.test/next</Redirect></Response>`);
    expect(r).toEqual({ ok: true, messages: [{ body: "hi", mediaUrls: [] }], ignored: ["Say", "Message/Unknown", "Redirect"] });
  });

  it("element names are case-sensitive, as in TwiML", () => {
    expect(parseTwiml("<Response><message>hi</message></Response>")).toEqual({ ok: true, messages: [], ignored: ["message"] });
    expect(parseTwiml("<response><Message>hi</Message></response>").ok).toBe(false);
  });

  it.each([
    ["plain text", "ok"],
    ["JSON", `{"reply":"hi"}`],
    ["wrong root", "<Reply><Message>hi</Message></Reply>"],
    ["not well-formed", "<Response><Message>hi</Response>"],
    ["unescaped ampersand", "<Response><Message>fish & chips</Message></Response>"],
  ])("%s is an error that sends nothing", (_name, src) => {
    const r = parseTwiml(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Invalid TwiML: /);
  });
});
