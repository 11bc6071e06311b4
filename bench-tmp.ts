import { encodeBody } from "@/lib/core/encoding/encode-body";
import { generateCorpus } from "@/lib/core/testing/message-corpus";
import { CHAR_CLASS, COMPLEX, SMART } from "@/lib/core/encoding/char-classes";
const c = generateCorpus({ seed: 7, count: 200000, minLength: 20, maxLength: 320 });
const cls = (m: string) => { let f = 0; for (let i = 0; i < m.length; i++) f |= CHAR_CLASS[m.charCodeAt(i)] ?? 0; return (f & COMPLEX ? "complex" : "simple") + (f & SMART ? "+smart" : ""); };
const groups = new Map<string, string[]>();
for (const m of c) { const k = cls(m); groups.set(k, [...(groups.get(k) ?? []), m]); }
for (let r = 0; r < 3; r++) for (const [k, g] of groups) { const t = process.hrtime.bigint(); let s = 0;
for (const m of g) s += encodeBody(m, { smartEncoding: true }).segments;
const ns = Number(process.hrtime.bigint() - t); if (r === 2) console.log(k, g.length, (g.length / ns * 1e9).toFixed(0), "msg/s"); }
