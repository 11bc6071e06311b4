import { GB, GRAPHEME_BREAK_RANGES } from "./grapheme-break-table";

/*
 * A faithful, allocation-light port of grapheme-splitter 1.0.4's nextBreak /
 * shouldBreak, quirks included (its GB10/GB12 "lookahead terminators" are not
 * textbook UAX #29). Segment counts depend on where clusters end, so this must
 * agree with the reference calculator, not with the latest Unicode.
 */

const bmpProperty = new Uint8Array(0x10000).fill(GB.Other);
const astralFirst: number[] = [];
const astralLast: number[] = [];
const astralProperty: number[] = [];

for (let i = 0; i + 2 < GRAPHEME_BREAK_RANGES.length; i += 3) {
  const first = GRAPHEME_BREAK_RANGES[i] ?? 0;
  const last = GRAPHEME_BREAK_RANGES[i + 1] ?? 0;
  const property = GRAPHEME_BREAK_RANGES[i + 2] ?? GB.Other;
  if (last <= 0xffff) {
    bmpProperty.fill(property, first, last + 1);
  } else {
    astralFirst.push(first);
    astralLast.push(last);
    astralProperty.push(property);
  }
}
for (let cp = 0xac00; cp <= 0xd7a3; cp++) {
  bmpProperty[cp] = (cp - 0xac00) % 28 === 0 ? GB.LV : GB.LVT;
}

/** Grapheme_Cluster_Break property of a code point, as grapheme-splitter sees it. */
export function graphemeBreakProperty(cp: number): number {
  if (cp <= 0xffff) return bmpProperty[cp] ?? GB.Other;
  let lo = 0;
  let hi = astralFirst.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (astralFirst[mid] ?? 0)) hi = mid - 1;
    else if (cp > (astralLast[mid] ?? 0)) lo = mid + 1;
    else return astralProperty[mid] ?? GB.Other;
  }
  return GB.Other;
}

function isSurrogatePairAt(s: string, pos: number): boolean {
  const hi = s.charCodeAt(pos);
  if (hi < 0xd800 || hi > 0xdbff) return false;
  const lo = s.charCodeAt(pos + 1);
  return lo >= 0xdc00 && lo <= 0xdfff;
}

/** grapheme-splitter's codePointAt: also looks backwards from a low surrogate. */
function codePointAt(s: string, idx: number): number {
  const code = s.charCodeAt(idx);
  if (code >= 0xd800 && code <= 0xdbff && idx < s.length - 1) {
    const low = s.charCodeAt(idx + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    return code;
  }
  if (code >= 0xdc00 && code <= 0xdfff && idx >= 1) {
    const hi = s.charCodeAt(idx - 1);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
    return code;
  }
  return code;
}

// Reused across calls: the properties seen since the cluster started ("mid").
let mid: number[] = new Array<number>(64).fill(0);

/** Element i of grapheme-splitter's `all = [start, ...mid, end]`. */
function at(start: number, midLen: number, end: number, i: number): number {
  if (i === 0) return start;
  if (i <= midLen) return mid[i - 1] ?? GB.Other;
  return end;
}

function lastIndexOf(start: number, midLen: number, end: number, value: number): number {
  for (let i = midLen + 1; i >= 0; i--) if (at(start, midLen, end, i) === value) return i;
  return -1;
}

function allEqual(start: number, midLen: number, end: number, from: number, to: number, value: number): boolean {
  for (let i = from; i < to; i++) if (at(start, midLen, end, i) !== value) return false;
  return true;
}

/** shouldBreak specialised for an empty `mid` (the usual case): same answers, no scans. */
function shouldBreakPair(previous: number, next: number): boolean {
  if (next === GB.Regional_Indicator && previous !== GB.Prepend && previous !== GB.Regional_Indicator) return true;
  if (previous === GB.CR && next === GB.LF) return false;
  if (previous === GB.Control || previous === GB.CR || previous === GB.LF) return true;
  if (next === GB.Control || next === GB.CR || next === GB.LF) return true;
  if (previous === GB.L && (next === GB.L || next === GB.V || next === GB.LV || next === GB.LVT)) return false;
  if ((previous === GB.LV || previous === GB.V) && (next === GB.V || next === GB.T)) return false;
  if ((previous === GB.LVT || previous === GB.T) && next === GB.T) return false;
  if (next === GB.Extend || next === GB.ZWJ || next === GB.SpacingMark) return false;
  if (previous === GB.Prepend) return false;
  if ((previous === GB.E_Base || previous === GB.E_Base_GAZ) && next === GB.E_Modifier) return false;
  if (previous === GB.ZWJ && (next === GB.Glue_After_Zwj || next === GB.E_Base_GAZ)) return false;
  if (previous === GB.Regional_Indicator && next === GB.Regional_Indicator) return false;
  return true;
}

function shouldBreak(start: number, midLen: number, end: number): boolean {
  if (midLen === 0) return shouldBreakPair(start, end);
  const n = midLen + 2;
  const previous = at(start, midLen, end, n - 2);
  const next = end;

  // "Lookahead terminator" for GB10, as grapheme-splitter writes it.
  const eModifierIndex = lastIndexOf(start, midLen, end, GB.E_Modifier);
  if (
    eModifierIndex > 1 &&
    allEqual(start, midLen, end, 1, eModifierIndex, GB.Extend) &&
    start !== GB.Extend &&
    start !== GB.E_Base &&
    start !== GB.E_Base_GAZ
  ) {
    return true;
  }

  // "Lookahead terminator" for GB12/GB13 (both outcomes are breaks).
  const riIndex = lastIndexOf(start, midLen, end, GB.Regional_Indicator);
  if (
    riIndex > 0 &&
    allEqual(start, midLen, end, 1, riIndex, GB.Regional_Indicator) &&
    previous !== GB.Prepend &&
    previous !== GB.Regional_Indicator
  ) {
    return true;
  }

  if (previous === GB.CR && next === GB.LF) return false; // GB3
  if (previous === GB.Control || previous === GB.CR || previous === GB.LF) return true; // GB4
  if (next === GB.Control || next === GB.CR || next === GB.LF) return true; // GB5
  if (previous === GB.L && (next === GB.L || next === GB.V || next === GB.LV || next === GB.LVT)) return false; // GB6
  if ((previous === GB.LV || previous === GB.V) && (next === GB.V || next === GB.T)) return false; // GB7
  if ((previous === GB.LVT || previous === GB.T) && next === GB.T) return false; // GB8
  if (next === GB.Extend || next === GB.ZWJ) return false; // GB9
  if (next === GB.SpacingMark) return false; // GB9a
  if (previous === GB.Prepend) return false; // GB9b

  // GB10, including grapheme-splitter's use of the *last* Extend anywhere.
  const lastExtend = lastIndexOf(start, midLen, end, GB.Extend);
  const previousNonExtend = lastExtend !== -1 ? lastExtend - 1 : n - 2;
  if (previousNonExtend >= 0) {
    const base = at(start, midLen, end, previousNonExtend);
    if (
      (base === GB.E_Base || base === GB.E_Base_GAZ) &&
      allEqual(start, midLen, end, previousNonExtend + 1, n - 1, GB.Extend) &&
      next === GB.E_Modifier
    ) {
      return false;
    }
  }

  if (previous === GB.ZWJ && (next === GB.Glue_After_Zwj || next === GB.E_Base_GAZ)) return false; // GB11

  for (let i = 0; i < midLen; i++) if (mid[i] === GB.Regional_Indicator) return true; // GB12/13
  if (previous === GB.Regional_Indicator && next === GB.Regional_Indicator) return false;

  return true; // GB999
}

/**
 * Index (UTF-16) where the grapheme cluster starting at `index` ends.
 * Same contract as grapheme-splitter's `nextBreak`.
 */
export function nextGraphemeBreak(s: string, index: number): number {
  const len = s.length;
  if (index < 0) return 0;
  if (index >= len - 1) return len;
  const start = graphemeBreakProperty(codePointAt(s, index));
  let midLen = 0;
  for (let i = index + 1; i < len; i++) {
    if (isSurrogatePairAt(s, i - 1)) continue; // low half already consumed
    const next = graphemeBreakProperty(codePointAt(s, i));
    if (shouldBreak(start, midLen, next)) return i;
    if (midLen === mid.length) mid = mid.concat(new Array<number>(mid.length).fill(0));
    mid[midLen++] = next;
  }
  return len;
}

/** Extended grapheme clusters, identical to grapheme-splitter's splitGraphemes. */
export function splitGraphemes(s: string): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < s.length) {
    const brk = nextGraphemeBreak(s, index);
    out.push(s.slice(index, brk));
    index = brk;
  }
  return out;
}
