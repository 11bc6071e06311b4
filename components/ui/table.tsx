import type { ReactNode } from "react";

export function Table({ label, head, children }: { label: string; head: ReactNode[]; children: ReactNode }) {
  return (
    // relative: a visually hidden header (sr-only is absolutely positioned) of a wide table would otherwise
    // escape this scroll box and widen the whole page on a phone.
    <div className="relative overflow-x-auto">
      <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, mono }: { children: ReactNode; mono?: boolean }) {
  return <td className={`whitespace-nowrap px-3 py-2 text-slate-700 ${mono ? "font-mono text-xs" : ""}`}>{children}</td>;
}
