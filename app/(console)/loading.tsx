export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-sm text-slate-500">
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" />
      Loading…
    </div>
  );
}
