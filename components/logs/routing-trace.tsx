import { EmptyState } from "@/components/ui/card";

/** The pipeline stores the trace as a list of lines, or an object holding one (with warnings). */
function lines(value: unknown): { trace: string[]; warnings: string[] } {
  if (Array.isArray(value)) return { trace: value.map(String), warnings: [] };
  if (value && typeof value === "object") {
    const v = value as { trace?: unknown; warnings?: unknown };
    const warnings = Array.isArray(v.warnings) ? v.warnings.map((w) => (typeof w === "object" && w && "message" in w ? String((w as { message: unknown }).message) : String(w))) : [];
    return { trace: Array.isArray(v.trace) ? v.trace.map(String) : [], warnings };
  }
  return { trace: [], warnings: [] };
}

export function RoutingTrace({ value }: { value: unknown }) {
  const { trace, warnings } = lines(value);
  if (trace.length === 0) return <EmptyState title="No routing decision yet" />;
  return (
    <div className="space-y-3">
      <ol aria-label="Routing trace" className="list-inside list-decimal space-y-1 font-mono text-xs text-slate-700">
        {trace.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ol>
      {warnings.length ? (
        <ul aria-label="Routing warnings" className="space-y-1 text-sm text-amber-800">
          {warnings.map((w, i) => (
            <li key={i}>⚠ {w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
