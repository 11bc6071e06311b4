import { EmptyState } from "@/components/ui/card";
import { labelTraceLine, traceLines } from "@/lib/core/console/trace-labels";

/**
 * The routing decision, one rule per line. Senders appear by number or name
 * (`labels`, from the loader); the SID stays reachable as the label's title.
 */
export function RoutingTrace({ value, labels = {}, final = false }: { value: unknown; labels?: Readonly<Record<string, string>>; final?: boolean }) {
  const { trace, warnings } = traceLines(value);
  // "Yet" only while the message can still be routed (an incoming message, or one refused before routing, never is).
  if (trace.length === 0) return <EmptyState title={final ? "No routing decision recorded" : "No routing decision yet"} />;
  return (
    <div className="space-y-3">
      <ol aria-label="Routing trace" className="list-inside list-decimal space-y-1 break-words font-mono text-xs text-slate-700">
        {trace.map((t, i) => (
          <li key={i}>
            {labelTraceLine(t, labels).map((s, j) =>
              "sid" in s ? (
                <span key={j} title={s.sid} className="font-semibold text-slate-900">
                  {s.label}
                </span>
              ) : (
                <span key={j}>{s.text}</span>
              ),
            )}
          </li>
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
