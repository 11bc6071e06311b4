"use client";

import { useState } from "react";
import { toast } from "sonner";
import { CopyButton } from "@/components/ui/copy-button";

/** A masked secret, fetched from the server only when shown (it is not in the page's HTML); copyable once shown. */
export function RevealSecret({ label, reveal }: { label: string; reveal: () => Promise<string> }) {
  const [value, setValue] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [pending, setPending] = useState(false);

  async function toggle() {
    if (shown) return setShown(false);
    if (value === null) {
      setPending(true);
      try {
        setValue(await reveal());
      } catch {
        toast.error(`Could not load the ${label}.`);
        return;
      } finally {
        setPending(false);
      }
    }
    setShown(true);
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="break-all font-mono text-xs" aria-label={label}>
        {shown && value !== null ? value : "•".repeat(32)}
      </span>
      <button type="button" disabled={pending} aria-busy={pending} className="text-xs font-medium text-indigo-700 hover:underline disabled:opacity-50" onClick={() => void toggle()}>
        {pending ? "Loading…" : shown ? `Hide ${label}` : `Show ${label}`}
      </button>
      {shown && value !== null ? <CopyButton value={value} label={label} /> : null}
    </span>
  );
}
