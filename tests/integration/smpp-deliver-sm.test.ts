import { PDU, type Pdu } from "smpp";
import { describe, expect, it } from "vitest";
import { classifyDeliverSm } from "@/lib/carriers/smpp/deliver-sm";

/* deliver_sm classification on PDUs encoded and decoded by the smpp package, as they come off the wire. */

function wire(fields: Record<string, unknown>): Pdu {
  const encoded = new PDU("deliver_sm", { source_addr_ton: 1, source_addr: "447700900001", dest_addr_ton: 1, destination_addr: "15005550006", data_coding: 0, ...fields }) as unknown as {
    toBuffer(): Buffer;
  };
  return new (PDU as unknown as new (buffer: Buffer) => Pdu)(encoded.toBuffer());
}

describe("classifyDeliverSm", () => {
  it("takes id and state from the TLVs when there is no text", () => {
    const pdu = wire({ esm_class: 0x04, short_message: Buffer.alloc(0), receipted_message_id: "ab12", message_state: 5, network_error_code: Buffer.from([1, 0, 27]) });
    expect(classifyDeliverSm(pdu)).toEqual({
      kind: "report",
      report: { carrierMessageId: "ab12", status: "undelivered", errorCode: 30003, detail: "stat:UNDELIV err:027" },
    });
  });

  it("prefers the TLV id to the text's (decimal vs hex ids)", () => {
    const pdu = wire({ esm_class: 0x04, short_message: Buffer.from("id:43981 sub:001 dlvrd:001 submit date:2612031200 done date:2612031201 stat:DELIVRD err:000"), receipted_message_id: "abcd" });
    expect(classifyDeliverSm(pdu)).toMatchObject({ kind: "report", report: { carrierMessageId: "abcd", status: "delivered" } });
  });

  it("ignores intermediate notifications and receipts without an id", () => {
    expect(classifyDeliverSm(wire({ esm_class: 0x20, short_message: Buffer.from("id:1 stat:ENROUTE err:000") }))).toMatchObject({ kind: "ignored" });
    expect(classifyDeliverSm(wire({ esm_class: 0x04, short_message: Buffer.from("garbage") }))).toMatchObject({ kind: "ignored" });
  });

  it("reads an MO from message_payload, with + restored", () => {
    const pdu = wire({ esm_class: 0, short_message: Buffer.alloc(0), message_payload: Buffer.from("long reply") });
    expect(classifyDeliverSm(pdu)).toEqual({
      kind: "mo",
      part: { from: "+447700900001", to: "+15005550006", reference: 0, total: 1, sequence: 1, text: "long reply" },
    });
  });

  it("reads UCS-2 MO text and the concatenation UDH", () => {
    const text = Buffer.from("Да 😀", "utf16le").swap16();
    const pdu = wire({ esm_class: 0x40, data_coding: 8, short_message: Buffer.concat([Buffer.from([5, 0, 3, 9, 2, 2]), text]) });
    expect(classifyDeliverSm(pdu)).toMatchObject({ kind: "mo", part: { reference: 9, total: 2, sequence: 2, text: "Да 😀" } });
  });

  it("treats impossible part numbers as a message of its own", () => {
    const pdu = wire({ esm_class: 0x40, short_message: Buffer.concat([Buffer.from([5, 0, 3, 9, 2, 3]), Buffer.from("x")]) });
    expect(classifyDeliverSm(pdu)).toMatchObject({ kind: "mo", part: { total: 1, sequence: 1, text: "x" } });
    const sar = wire({ esm_class: 0, short_message: Buffer.from("y"), sar_msg_ref_num: 1, sar_total_segments: 2, sar_segment_seqnum: 0 });
    expect(classifyDeliverSm(sar)).toMatchObject({ kind: "mo", part: { total: 1, text: "y" } });
  });
});
