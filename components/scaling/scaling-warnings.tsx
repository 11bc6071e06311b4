import type { RuleHit } from "@/lib/core/scaling/check-country-rules";
import { SNOWSHOE_SOURCE, type RuleSource } from "@/lib/core/scaling/country-rules";
import type { SnowshoeFinding } from "@/lib/core/scaling/snowshoe";
import { Alert } from "@/components/ui/card";

function Source({ source }: { source: RuleSource }) {
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer underline decoration-dotted">Source</summary>
      <blockquote className="mt-1 border-l-2 border-current pl-2 italic opacity-90">“{source.passage}”</blockquote>
      <p className="mt-1 opacity-80">{source.guide}</p>
    </details>
  );
}

/** Country-rule and snowshoeing warnings, each with the guide passage it rests on (Sender Pool and Scaling tab). */
export function ScalingWarnings({ rules, snowshoe }: { rules: readonly RuleHit[]; snowshoe: readonly SnowshoeFinding[] }) {
  if (rules.length === 0 && snowshoe.length === 0) return null;
  return (
    <ul aria-label="Scaling warnings" className="space-y-2">
      {rules.map((r) => (
        <li key={`${r.ruleId}:${r.country}`}>
          <Alert tone={r.severity === "error" ? "error" : "warning"}>
            <p className="break-words">{r.message}</p>
            <Source source={r.source} />
          </Alert>
        </li>
      ))}
      {snowshoe.map((f) => (
        <li key={f.bodyHash}>
          <Alert tone="warning">
            <p className="break-words">{f.message}</p>
            <Source source={SNOWSHOE_SOURCE} />
          </Alert>
        </li>
      ))}
    </ul>
  );
}
