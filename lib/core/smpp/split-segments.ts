import { CHAR_CLASS, COMPLEX, GSM_COST_MASK } from "../encoding/char-classes";
import type { SmsEncoding } from "../encoding/encode-body";
import { nextGraphemeBreak } from "../encoding/graphemes";
import { SEGMENT_BITS, UDH_BITS } from "../encoding/segments";

/**
 * Splits a body into the texts of its SMS segments by the same packing that
 * lib/core/encoding/segments.ts counts with (the sms-segments-calculator
 * rules), so that with an 8-bit-reference UDH (6 octets = UDH_BITS) the parts
 * sent equal the NumSegments billed. Units are never split: an escape pair
 * (GSM-7) or a grapheme cluster (UCS-2; "\r\n" counts as two units, as in the
 * reference).
 *
 * `udhBits` other than UDH_BITS (a 16-bit reference takes 7 octets) changes
 * the capacity of each part, so the count can then exceed the billed one.
 *
 * One deviation (docs/carriers.md "Segmentation"): a single grapheme cluster
 * too long for a segment (over 67 UTF-16 units, e.g. a long run of combining
 * marks) overflows its segment in the counter; here it is cut at code point
 * boundaries, because an SMSC cannot take more than 140 octets per part.
 */
export function splitSegments(text: string, encoding: SmsEncoding, udhBits: number = UDH_BITS): string[] {
  if (text.length === 0) return [""];
  const { bounds, sizes } = encoding === "GSM-7" ? gsmUnits(text) : ucs2Units(text);
  const starts = packStarts(sizes, udhBits);
  const parts: string[] = [];
  for (let s = 0; s < starts.length; s++) {
    const from = bounds[starts[s] ?? 0] ?? 0;
    const to = s + 1 < starts.length ? (bounds[starts[s + 1] ?? 0] ?? text.length) : text.length;
    parts.push(text.slice(from, to));
  }
  if (parts.length === 1) return parts;
  const capacity = SEGMENT_BITS - udhBits;
  // An oversized first unit leaves the counter's first segment empty; nothing to send there.
  return parts
    .filter((part) => part !== "")
    .flatMap((part) => (bitsOf(part, encoding) > capacity ? cutOversized(part, encoding, capacity) : [part]));
}

/** Bits a text takes in a segment's user data. */
export function bitsOf(text: string, encoding: SmsEncoding): number {
  if (encoding === "UCS-2") return 16 * text.length;
  let septets = 0;
  for (let i = 0; i < text.length; i++) septets += (CHAR_CLASS[text.charCodeAt(i)] ?? 0) & GSM_COST_MASK;
  return 7 * septets;
}

interface Units {
  /** Start index (UTF-16) of every unit. */
  bounds: number[];
  /** Size of every unit in bits. */
  sizes: number[];
}

function gsmUnits(text: string): Units {
  const bounds: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    bounds.push(i);
    sizes.push(7 * ((CHAR_CLASS[text.charCodeAt(i)] ?? 0) & GSM_COST_MASK));
  }
  return { bounds, sizes };
}

function ucs2Units(text: string): Units {
  const bounds: number[] = [];
  const sizes: number[] = [];
  let index = 0;
  while (index < text.length) {
    const brk =
      index + 1 < text.length &&
      ((CHAR_CLASS[text.charCodeAt(index)] ?? 0) & COMPLEX) === 0 &&
      ((CHAR_CLASS[text.charCodeAt(index + 1)] ?? 0) & COMPLEX) === 0
        ? index + 1
        : nextGraphemeBreak(text, index);
    const units = brk - index;
    if (units === 2 && text.charCodeAt(index) === 13 && text.charCodeAt(index + 1) === 10) {
      bounds.push(index, index + 1);
      sizes.push(16, 16);
    } else {
      bounds.push(index);
      sizes.push(16 * units);
    }
    index = brk;
  }
  return { bounds, sizes };
}

/** Unit index where each segment starts: packSegments (segments.ts) with the boundaries kept. */
function packStarts(sizes: readonly number[], udhBits: number): number[] {
  const starts = [0];
  let used = 0;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i] ?? 0;
    if (SEGMENT_BITS - used < size) {
      let nextUsed = udhBits;
      if (starts.length === 1) {
        // The first segment gains its UDH; its trailing units move forward.
        let firstUsed = used + udhBits;
        let k = i;
        while (firstUsed > SEGMENT_BITS) {
          k--;
          const moved = sizes[k] ?? 0;
          firstUsed -= moved;
          nextUsed += moved;
        }
        starts.push(k);
      } else {
        starts.push(i);
      }
      used = nextUsed;
    }
    used += size;
  }
  return starts;
}

/** Cuts an oversized part at code point boundaries (never inside a surrogate pair or an escape pair). */
function cutOversized(part: string, encoding: SmsEncoding, capacity: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const cp of part) {
    if (bitsOf(current + cp, encoding) > capacity && current !== "") {
      out.push(current);
      current = "";
    }
    current += cp;
  }
  if (current !== "") out.push(current);
  return out;
}
