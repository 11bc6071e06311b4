import type { AuditJson } from "@/lib/core/audit/audit-diff";

type Fields = { [key: string]: AuditJson };

const MAX_SHOWN = 6;
const NAMING = /^(friendlyName|domainName|companyName|phoneNumber|shortCode|sender|alphaSender|prefix|recipient)$/;

const asFields = (j: AuditJson): Fields | null => (j && typeof j === "object" && !Array.isArray(j) ? j : null);

function show(v: AuditJson | undefined): string {
  if (v === undefined) return "—";
  if (v === null) return "null";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * Before and after of one event, a line per changed field: the old value
 * struck through, the new one after it. A creation has only "after" values,
 * a deletion only "before" ones.
 */
export function AuditChange({ before, after }: { before: AuditJson; after: AuditJson }) {
  const b = asFields(before);
  const a = asFields(after);
  // Fields that name the resource first, so a collapsed creation still says what was created.
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].sort((x, y) => Number(NAMING.test(y)) - Number(NAMING.test(x)));
  if (keys.length === 0) return <span className="text-slate-400">—</span>;
  const row = (k: string) => {
    const was = b ? b[k] : undefined;
    const now = a ? a[k] : undefined;
    return (
      <div key={k} className="flex flex-wrap items-baseline gap-x-2">
        <dt className="font-medium text-slate-600">{k}</dt>
        <dd className="min-w-0 break-all font-mono">
          {was !== undefined ? (
            <del className="bg-red-50 text-red-800">
              <span className="sr-only">before: </span>
              {show(was)}
            </del>
          ) : null}
          {was !== undefined && now !== undefined ? <span aria-hidden className="px-1 text-slate-400">→</span> : null}
          {now !== undefined ? (
            <ins className="bg-emerald-50 text-emerald-800 no-underline">
              <span className="sr-only">after: </span>
              {show(now)}
            </ins>
          ) : null}
        </dd>
      </div>
    );
  };
  // A creation or deletion lists a whole row: the first fields, the rest on demand.
  const shown = keys.length > MAX_SHOWN ? keys.slice(0, MAX_SHOWN - 1) : keys;
  const rest = keys.slice(shown.length);
  return (
    <div className="text-xs">
      <dl className="space-y-1">{shown.map(row)}</dl>
      {rest.length ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-indigo-700 hover:underline">{rest.length} more fields</summary>
          <dl className="mt-1 space-y-1">{rest.map(row)}</dl>
        </details>
      ) : null}
    </div>
  );
}
