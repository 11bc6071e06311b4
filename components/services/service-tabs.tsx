"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The console sections of a Messaging Service (docs/product.md "Console sections"). */
export const SERVICE_SECTIONS = [
  { slug: "", label: "Properties" },
  { slug: "sender-pool", label: "Sender Pool" },
  { slug: "integration", label: "Integration" },
  { slug: "content", label: "Content Settings" },
  { slug: "opt-out", label: "Opt-Out Management" },
  { slug: "links", label: "Link Shortening" },
  { slug: "compliance", label: "Compliance" },
  { slug: "insights", label: "Insights" },
  { slug: "scaling", label: "Scaling" },
  { slug: "setup", label: "Guided setup" },
] as const;

export function ServiceTabs({ sid }: { sid: string }) {
  const path = usePathname();
  return (
    <nav aria-label="Service sections" className="overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1">
        {SERVICE_SECTIONS.map((s) => {
          const href = s.slug ? `/services/${sid}/${s.slug}` : `/services/${sid}`;
          // Sub-pages (e.g. opt-out/list) keep their section's tab current.
          const active = path === href || (s.slug !== "" && path.startsWith(`${href}/`));
          return (
            <li key={s.slug}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm ${active ? "border-indigo-600 font-medium text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
