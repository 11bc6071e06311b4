"use client";

import { useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A native <dialog> (focus trap, Escape to close) asking to confirm a
 * destructive action; `children` is the form whose submit button confirms.
 */
export function ConfirmDialog({ trigger, title, body, children }: { trigger: string; title: string; body: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button type="button" variant="danger" onClick={() => ref.current?.showModal()}>
        {trigger}
      </Button>
      <dialog ref={ref} aria-label={title} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-4 p-6">
          <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
          <div className="text-sm text-slate-600">{body}</div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
              Cancel
            </Button>
            {children}
          </div>
        </div>
      </dialog>
    </>
  );
}
