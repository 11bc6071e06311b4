import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { twilioSignature, verifyTwilioSignature } from "@/lib/server/webhooks/signature";

/** docs/wire-contract.md "Signatures" test vectors (from twilio-node's own webhook tests). */
describe("X-Twilio-Signature", () => {
  const token = "12345";
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = { CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" };

  it("matches the contract vector", () => {
    expect(twilioSignature(token, url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("matches the JSON-body vector (URL with bodySHA256, no params)", () => {
    const bodyUrl = `${url}&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620`;
    expect(twilioSignature(token, bodyUrl)).toBe("a9nBmqA0ju/hNViExpshrM61xv4=");
  });

  it("array values: de-duplicated and sorted, as twilio-node does", () => {
    const p = { MediaUrl: ["b", "a", "b"], Body: "x" };
    expect(twilioSignature(token, url, p)).toBe(twilioSignature(token, url, { MediaUrl: ["a", "b"], Body: "x" }));
    expect(twilio.validateRequest(token, twilioSignature(token, url, p), url, p)).toBe(true);
  });

  it("is accepted by twilio.validateRequest and rejects tampering", () => {
    const sig = twilioSignature(token, url, params);
    expect(twilio.validateRequest(token, sig, url, params)).toBe(true);
    expect(verifyTwilioSignature(token, sig, url, params)).toBe(true);
    expect(verifyTwilioSignature(token, sig, url, { ...params, Digits: "9" })).toBe(false);
    expect(verifyTwilioSignature("other", sig, url, params)).toBe(false);
  });
});
