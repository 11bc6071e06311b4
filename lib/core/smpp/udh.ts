/**
 * User Data Header for concatenated SMS (3GPP TS 23.040 9.2.3.24.1 and .8):
 * IEI 0x00 with an 8-bit reference (UDH of 6 octets) or IEI 0x08 with a
 * 16-bit reference (7 octets).
 */
export interface ConcatInfo {
  reference: number;
  total: number;
  /** 1-based part number. */
  sequence: number;
}

export function buildConcatUdh(info: ConcatInfo, referenceBits: 8 | 16): Uint8Array {
  if (referenceBits === 8) return Uint8Array.of(0x05, 0x00, 0x03, info.reference & 0xff, info.total, info.sequence);
  return Uint8Array.of(0x06, 0x08, 0x04, (info.reference >> 8) & 0xff, info.reference & 0xff, info.total, info.sequence);
}

export interface ParsedUdh {
  /** Octets the header takes, its length octet included (the text starts there). */
  headerLength: number;
  concat?: ConcatInfo & { referenceBits: 8 | 16 };
}

/**
 * Parses the UDH at the start of `userData` (when the UDHI bit was set).
 * Returns null when the header is malformed (length past the data, an IE
 * running over the header), so the caller can treat the data as text.
 */
export function parseUdh(userData: Uint8Array): ParsedUdh | null {
  if (userData.length === 0) return null;
  const udhl = userData[0] ?? 0;
  const headerLength = udhl + 1;
  if (headerLength > userData.length) return null;
  let concat: ParsedUdh["concat"];
  let i = 1;
  while (i < headerLength) {
    const iei = userData[i];
    const len = userData[i + 1];
    if (iei === undefined || len === undefined || i + 2 + len > headerLength) return null;
    const at = (k: number) => userData[i + 2 + k] ?? 0;
    if (iei === 0x00 && len === 3) concat = { reference: at(0), total: at(1), sequence: at(2), referenceBits: 8 };
    if (iei === 0x08 && len === 4) concat = { reference: (at(0) << 8) | at(1), total: at(2), sequence: at(3), referenceBits: 16 };
    i += 2 + len;
  }
  return concat ? { headerLength, concat } : { headerLength };
}
