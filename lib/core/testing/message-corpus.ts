import { GSM_BASIC, GSM_EXTENSION } from "../encoding/gsm-alphabet";
import { SMART_ENCODING_MAP } from "../encoding/smart-encoding-map";
import { mulberry32 } from "./prng";

/*
 * Deterministic message corpus for the differential test and the encoding
 * benchmark. Pools are chosen to hit every branch of the reference
 * calculator: extension characters, smart-encodable look-alikes (including the
 * combining ones that change grapheme boundaries once replaced), surrogate
 * pairs, emoji modifiers and ZWJ sequences, flags, keycaps, Hangul jamo,
 * Indic spacing marks, prepend characters, lone surrogates and line breaks.
 */

const cp = (...points: number[]): string => String.fromCodePoint(...points);

const SMART_CHARS = [...SMART_ENCODING_MAP.keys()].map((k) => String.fromCharCode(k));
const UNICODE_BMP = [..."áíóúÁÍÓÚçñ`ÿžšđłßþðАБВГДежзийклмнопрсту中文字日本語한국어漢字αβγδεζηθ¢©®°±µ¶·ºªœŒ"];
const COMBINING = [cp(0x301), cp(0x300), cp(0x302), cp(0x303), cp(0x308), cp(0x20e3), cp(0xfe0f), cp(0xfe0e), cp(0x200d)];
const EMOJI = [
  cp(0x1f600), cp(0x1f61c), cp(0x1f44d), cp(0x1f44d, 0x1f3fd), cp(0x1f468, 0x200d, 0x1f469, 0x200d, 0x1f467),
  cp(0x1f3f3, 0xfe0f, 0x200d, 0x1f308), cp(0x1f1ee, 0x1f1f9), cp(0x1f1fa, 0x1f1f8), cp(0x1f1ee), "1\ufe0f\u20e3",
  cp(0x2764, 0xfe0f), cp(0x261d, 0x1f3fb), cp(0x1f441, 0xfe0f, 0x200d, 0x1f5e8, 0xfe0f), cp(0x1fae0), cp(0x1f9d1, 0x200d, 0x1f4bb),
  cp(0x1f469, 0x1f3fe, 0x200d, 0x1f52c), cp(0x1f3c3, 0x200d, 0x2640, 0xfe0f), cp(0x1f3fb), cp(0xe0067, 0xe0062),
];
const HANGUL_JAMO = [cp(0x1100), cp(0x1161), cp(0x11a8), cp(0xac00), cp(0xac01), cp(0x1112), cp(0x1175)];
const INDIC = [..."नमस्ते हिन्दी க்ஷ ไทย"].concat([cp(0x0903), cp(0x0600), cp(0x0d4e), cp(0x094d)]);
const ODD = ["\ud800", "\udc00", "\u0000", "\u001b", "\u00ad", "\u2028", "\t", "\u200b", "\u200c", "\ufeff"];
const BREAKS = ["\r\n", "\n", "\r", "\r\n\r\n"];

type Pool = readonly string[];

const PROFILES: ReadonlyArray<{ weight: number; pools: ReadonlyArray<[Pool, number]> }> = [
  { weight: 3, pools: [[[...GSM_BASIC], 1]] },
  { weight: 2, pools: [[[...GSM_BASIC], 0.9], [[...GSM_EXTENSION], 0.1]] },
  { weight: 2, pools: [[[...GSM_BASIC], 0.93], [SMART_CHARS, 0.07]] },
  { weight: 2, pools: [[[...GSM_BASIC], 0.85], [SMART_CHARS, 0.05], [[...GSM_EXTENSION], 0.05], [BREAKS, 0.05]] },
  { weight: 2, pools: [[[...GSM_BASIC], 0.8], [UNICODE_BMP, 0.2]] },
  { weight: 2, pools: [[[...GSM_BASIC], 0.85], [EMOJI, 0.15]] },
  { weight: 1, pools: [[EMOJI, 0.6], [COMBINING, 0.2], [[...GSM_BASIC], 0.2]] },
  { weight: 1, pools: [[[...GSM_BASIC], 0.6], [COMBINING, 0.2], [SMART_CHARS, 0.2]] },
  { weight: 1, pools: [[HANGUL_JAMO, 0.5], [INDIC, 0.3], [[...GSM_BASIC], 0.2]] },
  { weight: 1, pools: [[[...GSM_BASIC], 0.5], [ODD, 0.1], [BREAKS, 0.1], [EMOJI, 0.1], [SMART_CHARS, 0.1], [COMBINING, 0.1]] },
];
/**
 * A traffic-like mix for benchmarks: mostly plain GSM text, some extension
 * characters and smart-encodable punctuation, a little Unicode and emoji.
 */
const REALISTIC_PROFILES: typeof PROFILES = [
  { weight: 70, pools: [[[...GSM_BASIC], 1]] },
  { weight: 8, pools: [[[...GSM_BASIC], 0.97], [[...GSM_EXTENSION], 0.03]] },
  { weight: 10, pools: [[[...GSM_BASIC], 0.98], [SMART_CHARS, 0.02]] },
  { weight: 6, pools: [[[...GSM_BASIC], 0.7], [UNICODE_BMP, 0.3]] },
  { weight: 5, pools: [[[...GSM_BASIC], 0.95], [EMOJI, 0.05]] },
  { weight: 1, pools: [[HANGUL_JAMO, 0.3], [INDIC, 0.3], [COMBINING, 0.1], [[...GSM_BASIC], 0.3]] },
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error("empty pool");
  return item;
}

/** Interesting lengths: segment boundaries get extra probability mass. */
const BOUNDARY_LENGTHS = [0, 1, 66, 67, 68, 69, 70, 71, 72, 133, 134, 135, 152, 153, 154, 159, 160, 161, 306, 307];

export interface CorpusOptions {
  seed: number;
  count: number;
  minLength: number;
  maxLength: number;
  /** Share of messages whose length is drawn from BOUNDARY_LENGTHS (clamped). */
  boundaryShare?: number;
  /** "adversarial" (default, for differential tests) or "realistic" (benchmarks). */
  mix?: "adversarial" | "realistic";
}

/** Generates `count` messages of roughly `minLength..maxLength` UTF-16 units. */
export function generateCorpus(options: CorpusOptions): string[] {
  const rand = mulberry32(options.seed);
  const out: string[] = [];
  for (let n = 0; n < options.count; n++) {
    const profiles = options.mix === "realistic" ? REALISTIC_PROFILES : PROFILES;
    let r = rand() * profiles.reduce((sum, p) => sum + p.weight, 0);
    let profile = profiles[0];
    for (const p of profiles) {
      r -= p.weight;
      if (r < 0) {
        profile = p;
        break;
      }
    }
    if (profile === undefined) throw new Error("no profile");
    const span = options.maxLength - options.minLength;
    const useBoundary = rand() < (options.boundaryShare ?? 0.2);
    const target = useBoundary
      ? Math.min(options.maxLength, Math.max(options.minLength, pick(rand, BOUNDARY_LENGTHS)))
      : options.minLength + Math.floor(rand() * (span + 1));
    let text = "";
    while (text.length < target) {
      let q = rand();
      let pool = profile.pools[0]?.[0] ?? [];
      for (const [candidate, share] of profile.pools) {
        q -= share;
        if (q < 0) {
          pool = candidate;
          break;
        }
      }
      text += pick(rand, pool);
    }
    out.push(text);
  }
  return out;
}
