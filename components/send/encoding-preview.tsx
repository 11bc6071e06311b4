"use client";

import { Fragment, useMemo } from "react";
import { encodeBody, MAX_BODY_CHARACTERS } from "@/lib/core/encoding/encode-body";

/**
 * Live Smart Encoding preview, computed in the browser by the same pure
 * function the pipeline uses: replaced characters are highlighted, and the
 * encoding and segment count are what the message will cost.
 */
export function EncodingPreview({ body, smartEncoding }: { body: string; smartEncoding: boolean }) {
  const enc = useMemo(() => encodeBody(body, { smartEncoding }), [body, smartEncoding]);
  const replacedAt = useMemo(() => new Map(enc.replaced.map((r) => [r.index, r])), [enc]);
  const parts: React.ReactNode[] = [];
  let i = 0;
  for (const ch of body) {
    const r = replacedAt.get(i);
    parts.push(
      r ? (
        <mark key={i} title={`${r.from} → ${r.to === "" ? "(removed)" : r.to}`} aria-label={`${r.from} replaced by ${r.to === "" ? "nothing" : r.to}`} className="rounded bg-amber-200 px-0.5">
          {r.to === "" ? "␡" : r.to}
        </mark>
      ) : (
        <Fragment key={i}>{ch}</Fragment>
      ),
    );
    i += ch.length;
  }
  return (
    <section aria-label="Encoding preview" className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <dl className="grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-slate-500">Encoding</dt>
          <dd aria-label="Encoding" className="font-semibold">
            {enc.encoding}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Segments</dt>
          <dd aria-label="Segments" className="font-semibold">
            {enc.segments}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Characters</dt>
          <dd aria-label="Characters" className={enc.tooLong ? "font-semibold text-red-700" : "font-semibold"}>
            {enc.characters} / {MAX_BODY_CHARACTERS}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600" aria-label="Smart Encoding replacements">
        {smartEncoding
          ? enc.replaced.length
            ? `Smart Encoding replaced ${enc.replaced.length} character${enc.replaced.length === 1 ? "" : "s"}.`
            : "Smart Encoding replaced nothing."
          : "Smart Encoding is off for this service."}
      </p>
      {body ? (
        <p aria-label="Body as sent" className="whitespace-pre-wrap break-words rounded bg-white p-3 font-mono text-sm ring-1 ring-slate-200">
          {parts}
        </p>
      ) : null}
      {enc.tooLong ? <p role="alert" className="text-sm text-red-700">Longer than 1600 characters: the message will be refused (21617).</p> : null}
    </section>
  );
}
