import { chartScale, type DayCount } from "@/lib/core/links/click-series";

const W = 560;
const H = 140;

/**
 * Clicks per day as an SVG bar chart. Screen readers get the title and
 * description, and the same numbers as a table (visually collapsed under
 * a <details>, so sighted users can open it too).
 */
export function ClicksChart({ days }: { days: DayCount[] }) {
  const { max, heights } = chartScale(
    days.map((d) => d.clicks),
    H,
  );
  const bar = W / Math.max(days.length, 1);
  const total = days.reduce((s, d) => s + d.clicks, 0);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-labelledby="clicks-title clicks-desc" className="w-full max-w-2xl">
        <title id="clicks-title">Clicks per day</title>
        <desc id="clicks-desc">
          {total} clicks over the last {days.length} days; the busiest day had {Math.max(0, ...days.map((d) => d.clicks))}.
        </desc>
        <line x1={0} y1={H} x2={W} y2={H} stroke="#cbd5e1" />
        {days.map((d, i) => (
          <g key={d.day}>
            <rect x={i * bar + 2} y={H - (heights[i] ?? 0)} width={bar - 4} height={heights[i] ?? 0} rx={2} fill="#4f46e5">
              <title>{`${d.day}: ${d.clicks} clicks`}</title>
            </rect>
            {i % Math.ceil(days.length / 7) === 0 ? (
              <text x={i * bar + bar / 2} y={H + 14} fontSize={10} textAnchor="middle" fill="#64748b">
                {d.day.slice(5)}
              </text>
            ) : null}
          </g>
        ))}
        <text x={2} y={10} fontSize={10} fill="#64748b">
          {max}
        </text>
      </svg>
      <details>
        <summary className="cursor-pointer text-xs text-slate-500">Clicks per day as a table</summary>
        <table aria-label="Clicks per day" className="mt-2 text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-6 text-left font-medium">
                Day
              </th>
              <th scope="col" className="text-right font-medium">
                Clicks
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td className="pr-6">{d.day}</td>
                <td className="text-right">{d.clicks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
