/** Shown while the pool, inventory and mappings load. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading sender pool" className="space-y-4">
      <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
