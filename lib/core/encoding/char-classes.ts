import { GB } from "./grapheme-break-table";
import { graphemeBreakProperty } from "./graphemes";
import { GSM_BASIC, GSM_EXTENSION } from "./gsm-alphabet";
import { SMART_ENCODING_MAP } from "./smart-encoding-map";

/*
 * One byte per UTF-16 code unit so the hot loop in encodeBody is a single
 * table load and an OR. Bit layout:
 */
/** Bits 0-1: septets in GSM-7 (1 basic, 2 extension, 0 = not GSM). */
export const GSM_COST_MASK = 0b11;
/** Bit 2: Smart Encoding has a replacement for this code unit. */
export const SMART = 0b100;
/**
 * Bit 3: the unit may join a neighbour into one grapheme cluster (surrogate,
 * Extend, ZWJ, SpacingMark, Prepend, Hangul L/V/T). Text without any such unit
 * has one cluster per code unit, so grapheme splitting can be skipped.
 */
export const COMPLEX = 0b1000;
/** Bit 4: not representable in GSM-7. */
export const NON_GSM = 0b10000;

const SIMPLE_PROPERTIES: ReadonlySet<number> = new Set<number>([
  GB.Other,
  GB.Control,
  GB.CR,
  GB.LF,
  GB.LV, // LV/LVT only join a following V/T jamo, which are themselves COMPLEX
  GB.LVT,
  GB.E_Base, // only joins a following Extend or E_Modifier (astral → surrogate)
  GB.Glue_After_Zwj, // only joins after a ZWJ
]);

function buildTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let cu = 0; cu < 0x10000; cu++) {
    let bits = NON_GSM;
    const isSurrogate = cu >= 0xd800 && cu <= 0xdfff;
    if (isSurrogate || !SIMPLE_PROPERTIES.has(graphemeBreakProperty(cu))) bits |= COMPLEX;
    if (SMART_ENCODING_MAP.has(cu)) bits |= SMART;
    table[cu] = bits;
  }
  for (const ch of GSM_BASIC) table[ch.charCodeAt(0)] = ((table[ch.charCodeAt(0)] ?? 0) & ~NON_GSM) | 1;
  for (const ch of GSM_EXTENSION) table[ch.charCodeAt(0)] = ((table[ch.charCodeAt(0)] ?? 0) & ~NON_GSM) | 2;
  return table;
}

/** Class bits for every BMP code unit (see the bit constants above). */
export const CHAR_CLASS: Uint8Array = buildTable();
