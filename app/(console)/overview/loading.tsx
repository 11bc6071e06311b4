export default function OverviewLoading() {
  return (
    <div role="status" aria-label="Loading overview" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="h-32 animate-pulse rounded-lg bg-slate-100" />
      ))}
      <span className="sr-only">Loading overview…</span>
    </div>
  );
}
