import Link from "next/link";

/** The two pages of Opt-Out Management: keyword settings and the opt-out list. */
export function OptOutNav({ sid, current }: { sid: string; current: "keywords" | "list" }) {
  const item = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Opt-Out Management" className="flex gap-2">
      {item(`/services/${sid}/opt-out`, "Keywords and replies", current === "keywords")}
      {item(`/services/${sid}/opt-out/list`, "Opt-out list", current === "list")}
    </nav>
  );
}
