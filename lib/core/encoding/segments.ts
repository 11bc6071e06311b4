import { CHAR_CLASS, GSM_COST_MASK } from "./char-classes";

/*
 * Segment packing, as sms-segments-calculator does it: 1120-bit segments; when
 * the next unit does not fit, a new segment with a 48-bit UDH starts, and the
 * first segment (which had no UDH yet) gets one too, pushing its trailing
 * units forward. Units (graphemes, escape pairs) are never split. A unit larger
 * than a segment (a very long combining sequence) stays whole and overflows
 * its segment, as in the reference.
 */
export const SEGMENT_BITS = 1120;
export const UDH_BITS = 48;

/** Segments for GSM-7 text without extension characters: 160 single, 153 per part. */
export function gsmPlainSegments(septets: number): number {
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}

/** Segments for UCS-2 text whose clusters are all one UTF-16 unit: 70 single, 67 per part. */
export function ucs2PlainSegments(units: number): number {
  return units <= 70 ? 1 : Math.ceil(units / 67);
}

/**
 * Generic packer over unit sizes in bits (`sizes[0..n)`). Exact replica of
 * SegmentedMessage._buildSegments + Segment.addHeader.
 */
export function packSegments(sizes: ArrayLike<number>, n: number): number {
  let count = 1;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const size = sizes[i] ?? 0;
    if (SEGMENT_BITS - used < size) {
      count++;
      let nextUsed = UDH_BITS;
      if (count === 2) {
        // The first segment (units 0..i-1) gains its UDH; overflow moves forward.
        let firstUsed = used + UDH_BITS;
        let k = i;
        while (firstUsed > SEGMENT_BITS) {
          k--;
          const moved = sizes[k] ?? 0;
          firstUsed -= moved;
          nextUsed += moved;
        }
      }
      used = nextUsed;
    }
    used += size;
  }
  return count;
}

/** GSM-7 text with extension characters: pack code units at 7 bits per septet. */
export function gsmSegmentsWithEscapes(text: string): number {
  let count = 1;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const size = 7 * ((CHAR_CLASS[text.charCodeAt(i)] ?? 0) & GSM_COST_MASK);
    if (SEGMENT_BITS - used < size) {
      count++;
      let nextUsed = UDH_BITS;
      if (count === 2) {
        let firstUsed = used + UDH_BITS;
        let k = i;
        while (firstUsed > SEGMENT_BITS) {
          k--;
          const moved = 7 * ((CHAR_CLASS[text.charCodeAt(k)] ?? 0) & GSM_COST_MASK);
          firstUsed -= moved;
          nextUsed += moved;
        }
      }
      used = nextUsed;
    }
    used += size;
  }
  return count;
}
