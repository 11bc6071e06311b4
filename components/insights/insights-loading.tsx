/** Shown while the Insights queries run (also on a filter change), account-wide and per service. */
export function InsightsLoading() {
  return (
    <div role="status" aria-label="Loading insights" className="space-y-4">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-24 animate-pulse rounded-lg bg-slate-100" />
      <div className="grid gap-4 xl:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-80 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
      <span className="sr-only">Loading insights…</span>
    </div>
  );
}
