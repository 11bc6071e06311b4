"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { previewKeywordAction } from "@/lib/server/actions/opt-out-actions";
import type { KeywordPreview } from "@/lib/server/services/opt-out/preview-keyword";

const STATE = (optedOut: boolean) => (optedOut ? "opted out" : "subscribed");

/** "What happens when +44… texts BAJA", with the saved settings. */
export function KeywordPreviewForm({ serviceSid }: { serviceSid: string }) {
  return (
    <ActionForm action={previewKeywordAction} label="Keyword preview">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        const p = state.ok ? (state.data as unknown as KeywordPreview) : null;
        return (
          <>
            <input type="hidden" name="serviceSid" value={serviceSid} />
            <div className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-start">
              <TextField label="From" name="from" id="preview-from" placeholder="+447400555123" error={e.from} />
              <TextField label="Message text" name="body" id="preview-body" placeholder="BAJA" error={e.body} />
              <div className="sm:pt-6">
                <Button type="submit" variant="secondary" pending={pending}>
                  Preview
                </Button>
              </div>
            </div>
            {p ? (
              <section aria-label="Preview result" className="space-y-2 rounded-md bg-slate-50 p-4 text-sm">
                <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
                  <dt className="text-slate-500">Class matched</dt>
                  <dd>{p.match ? <Badge tone="indigo">{p.match.type}</Badge> : "None (not a keyword)"}</dd>
                  <dt className="text-slate-500">Reply sent</dt>
                  <dd>{p.match ? p.match.reply : "No reply"}</dd>
                  <dt className="text-slate-500">Opt-out state</dt>
                  <dd>
                    {STATE(p.optedOutBefore)} → {STATE(p.optedOutAfter)}
                  </dd>
                  <dt className="text-slate-500">Country / language</dt>
                  <dd>
                    {p.country} / {p.match?.language ?? "none detected"}
                  </dd>
                </dl>
                <p className="text-slate-700">{p.explanation}</p>
              </section>
            ) : null}
          </>
        );
      }}
    </ActionForm>
  );
}
