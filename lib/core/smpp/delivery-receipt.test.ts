import { describe, expect, it } from "vitest";
import { mapReceipt, parseReceiptText, statFromMessageState } from "./delivery-receipt";

describe("parseReceiptText", () => {
  it("parses the SMPP 3.4 Appendix B format", () => {
    const text = "id:0123456789 sub:001 dlvrd:001 submit date:2612031830 done date:2612031831 stat:DELIVRD err:000 text:Hello stat:x";
    expect(parseReceiptText(text)).toEqual({
      id: "0123456789",
      sub: "001",
      dlvrd: "001",
      submitDate: "2612031830",
      doneDate: "2612031831",
      stat: "DELIVRD",
      err: "000",
      text: "Hello stat:x",
    });
  });

  it("accepts other orders, upper-case keys, missing optional fields and hex ids", () => {
    expect(parseReceiptText("stat:undeliv ID:6f2a-99 err:027")).toEqual({
      id: "6f2a-99",
      stat: "UNDELIV",
      err: "027",
      sub: undefined,
      dlvrd: undefined,
      submitDate: undefined,
      doneDate: undefined,
      text: undefined,
    });
  });

  it("is null for text that is not a receipt", () => {
    expect(parseReceiptText("hello there")).toBeNull();
    expect(parseReceiptText("id:123 but no status")).toBeNull();
    expect(parseReceiptText("stat:DELIVRD")).toBeNull();
  });
});

describe("mapReceipt", () => {
  it.each([
    ["DELIVRD", "000", "delivered", undefined],
    ["DELIVRD", "027", "delivered", undefined],
    ["UNDELIV", "000", "undelivered", 30003],
    ["UNDELIV", "001", "undelivered", 30005],
    ["UNDELIV", "011", "undelivered", 30006],
    ["UNDELIV", "013", "undelivered", 30004],
    ["UNDELIV", "999", "undelivered", 30003],
    ["EXPIRED", undefined, "undelivered", 30003],
    ["DELETED", "000", "undelivered", 30008],
    ["UNKNOWN", "000", "undelivered", 30008],
    ["REJECTD", "000", "failed", 30007],
    ["REJECTD", "013", "failed", 30004],
    ["rejectd", "abc", "failed", 30007],
    ["WEIRD", "000", "undelivered", 30008],
  ])("%s err:%s → %s %s", (stat, err, status, code) => {
    expect(mapReceipt(stat, err)).toEqual(code === undefined ? { status } : { status, errorCode: code });
  });

  it("reports nothing for intermediate states", () => {
    expect(mapReceipt("ENROUTE").status).toBeNull();
    expect(mapReceipt("ACCEPTD", "000").status).toBeNull();
  });

  it("names message_state TLV values by their stat word", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(statFromMessageState)).toEqual([
      "ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD", "UNKNOWN", "REJECTD",
    ]);
    expect(statFromMessageState(0)).toBeUndefined();
  });
});
