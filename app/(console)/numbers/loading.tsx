/** Shown while the inventory and a search load. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading phone numbers" className="space-y-4">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-100" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
