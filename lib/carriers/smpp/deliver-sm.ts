import type { Pdu } from "smpp";
import { inboundAddress } from "@/lib/core/smpp/addressing";
import { mapReceipt, parseReceiptText, statFromMessageState } from "@/lib/core/smpp/delivery-receipt";
import { isValidPart, type MoPart } from "@/lib/core/smpp/mo-reassembly";
import { parseUdh } from "@/lib/core/smpp/udh";
import type { ConnectionReport } from "../connection";

/*
 * What an incoming deliver_sm is: a delivery receipt (esm_class message type
 * 0x04 SMSC receipt or 0x20 intermediate notification) or a mobile-originated
 * message, possibly one part of a concatenated one. The `smpp` package has
 * already decoded short_message / message_payload by data_coding (GSM 03.38,
 * UCS-2, Latin-1) and split off the UDH information elements.
 */

export type DeliverSm =
  | { kind: "report"; report: ConnectionReport }
  /** An intermediate state (ENROUTE, ACCEPTD) or an unparseable receipt: acknowledged, not reported. */
  | { kind: "ignored"; why: string }
  | { kind: "mo"; part: MoPart };

interface DecodedMessage {
  udh?: Buffer[];
  message?: string | Buffer;
}

function messageOf(value: unknown): { text: string; udh?: Buffer[] } {
  if (value === undefined || value === null) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (Buffer.isBuffer(value)) return { text: value.toString("latin1") };
  const decoded = value as DecodedMessage;
  const message = decoded.message;
  const text = typeof message === "string" ? message : Buffer.isBuffer(message) ? message.toString("latin1") : "";
  return { text, udh: decoded.udh };
}

export function classifyDeliverSm(pdu: Pdu): DeliverSm {
  const esmClass = Number(pdu.esm_class ?? 0);
  const payload = pdu.message_payload !== undefined ? messageOf(pdu.message_payload) : messageOf(pdu.short_message);
  const type = esmClass & 0x3c;
  if (type === 0x04 || type === 0x20) return classifyReceipt(pdu, payload.text);

  const from = inboundAddress(String(pdu.source_addr ?? ""), Number(pdu.source_addr_ton ?? 0));
  const to = inboundAddress(String(pdu.destination_addr ?? ""), Number(pdu.dest_addr_ton ?? 0));
  const single: MoPart = { from, to, reference: 0, total: 1, sequence: 1, text: payload.text };
  // The UDH wins over sar_* TLVs when both are present (they should agree).
  const ies = payload.udh ?? [];
  if (ies.length > 0) {
    const header = Buffer.concat([Buffer.from([ies.reduce((n, ie) => n + ie.length, 0)]), ...ies]);
    const concat = parseUdh(header)?.concat;
    if (concat && isValidPart(concat)) return { kind: "mo", part: { ...single, ...concat } };
  }
  if (pdu.sar_msg_ref_num !== undefined && pdu.sar_total_segments !== undefined && pdu.sar_segment_seqnum !== undefined) {
    const sar = { reference: Number(pdu.sar_msg_ref_num), total: Number(pdu.sar_total_segments), sequence: Number(pdu.sar_segment_seqnum) };
    if (isValidPart(sar)) return { kind: "mo", part: { ...single, ...sar } };
  }
  return { kind: "mo", part: single };
}

function classifyReceipt(pdu: Pdu, text: string): DeliverSm {
  const parsed = parseReceiptText(text);
  const tlvId = typeof pdu.receipted_message_id === "string" && pdu.receipted_message_id !== "" ? pdu.receipted_message_id : undefined;
  const id = tlvId ?? parsed?.id;
  const stat = (pdu.message_state !== undefined ? statFromMessageState(Number(pdu.message_state)) : undefined) ?? parsed?.stat;
  if (!id || !stat) return { kind: "ignored", why: `receipt without id or stat: ${JSON.stringify(text.slice(0, 160))}` };
  const err = parsed?.err ?? networkError(pdu.network_error_code);
  const mapped = mapReceipt(stat, err);
  if (mapped.status === null) return { kind: "ignored", why: `intermediate state ${stat} for ${id}` };
  const detail = err !== undefined ? `stat:${stat} err:${err}` : `stat:${stat}`;
  const report: ConnectionReport = { carrierMessageId: id, status: mapped.status, detail };
  if (mapped.errorCode !== undefined) report.errorCode = mapped.errorCode;
  return { kind: "report", report };
}

/** network_error_code TLV: network type (1 octet) + error code (2 octets), as 3 decimal digits. */
function networkError(value: unknown): string | undefined {
  if (!Buffer.isBuffer(value) || value.length < 3) return undefined;
  return String(value.readUInt16BE(1)).padStart(3, "0");
}
