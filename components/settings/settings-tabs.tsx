"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Settings' sections; Team is listed only for roles that manage users (the page itself answers 404 otherwise). */
export function SettingsTabs({ showTeam }: { showTeam: boolean }) {
  const path = usePathname();
  const tabs = [
    { href: "/settings", label: "General" },
    ...(showTeam ? [{ href: "/settings/team", label: "Team" }] : []),
    { href: "/settings/profile", label: "Profile" },
  ];
  return (
    <nav aria-label="Settings sections" className="mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1">
        {tabs.map((t) => {
          const active = path === t.href;
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm ${active ? "border-indigo-600 font-medium text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
