"use client";

import { useState } from "react";

export function RevealSecret({ label, value }: { label: string; value: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <span className="font-mono text-xs" aria-label={label}>
        {shown ? value : "•".repeat(32)}
      </span>
      <button type="button" className="text-xs font-medium text-indigo-700 hover:underline" onClick={() => setShown((s) => !s)}>
        {shown ? `Hide ${label}` : `Show ${label}`}
      </button>
    </span>
  );
}
