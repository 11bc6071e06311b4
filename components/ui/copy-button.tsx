"use client";

import { useState } from "react";
import { toast } from "sonner";

/**
 * Copies `value` to the clipboard. The accessible name is "Copy <label>"
 * (the label is screen-reader text, not an aria-label, so a test's
 * getByLabel on the value itself stays unambiguous). Over plain http on a
 * host other than localhost the Clipboard API is missing, so it falls back
 * to a hidden textarea and execCommand. `relative` keeps the screen-reader
 * text inside the button's box, so it cannot widen a scrolling table's page.
 */
export function CopyButton({ value, label, className = "" }: { value: string; label: string; className?: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      if (navigator.clipboard?.writeText) await navigator.clipboard.writeText(value);
      else legacyCopy(value);
      setCopied(true);
      toast.success(`Copied ${label}`);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error(`Could not copy the ${label}. Select it and copy it by hand.`);
    }
  }

  return (
    <button
      type="button"
      onClick={() => void copy()}
      className={`relative inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 ${className}`}
    >
      <span aria-hidden>{copied ? "Copied" : "Copy"}</span>
      <span className="sr-only">{copied ? `Copied ${label}` : `Copy ${label}`}</span>
    </button>
  );
}

function legacyCopy(value: string) {
  const area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

/** A SID (or other identifier) in monospace with its copy button. */
export function CopyableText({ value, label, className = "" }: { value: string; label: string; className?: string }) {
  return (
    <span className={`inline-flex max-w-full items-center gap-2 ${className}`}>
      <span className="truncate font-mono text-xs">{value}</span>
      <CopyButton value={value} label={label} />
    </span>
  );
}
