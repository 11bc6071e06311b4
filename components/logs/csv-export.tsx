"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Downloads the CSV as it streams, with a progress bar counted in rows. */
export function CsvExport({ query }: { query: string }) {
  const [progress, setProgress] = useState<{ rows: number; total: number } | null>(null);

  async function run() {
    setProgress({ rows: 0, total: 0 });
    try {
      const res = await fetch(`/api/console/messages/export?${query}`);
      if (!res.ok || !res.body) throw new Error("Export failed");
      const total = Number(res.headers.get("x-total-count") ?? 0);
      const reader = res.body.getReader();
      const parts: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        for (const b of value) if (b === 10) lines++;
        setProgress({ rows: Math.max(lines - 1, 0), total });
      }
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = res.headers.get("content-disposition")?.match(/filename="(.+)"/)?.[1] ?? "messages.csv";
      a.click();
      URL.revokeObjectURL(url);
      toast.success(`Exported ${total} messages`);
    } catch (e) {
      toast.error((e as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="flex items-center gap-3">
      {progress ? (
        <div className="w-40">
          <div
            role="progressbar"
            aria-label="Export progress"
            aria-valuemin={0}
            aria-valuemax={progress.total || 1}
            aria-valuenow={progress.rows}
            className="h-2 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-indigo-600 transition-all" style={{ width: `${progress.total ? (100 * progress.rows) / progress.total : 0}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-500">
            {progress.rows} of {progress.total} rows
          </p>
        </div>
      ) : null}
      <Button variant="secondary" onClick={run} pending={progress !== null}>
        Export CSV
      </Button>
    </div>
  );
}
