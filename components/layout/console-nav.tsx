"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const items = [
  { href: "/overview", label: "Overview" },
  { href: "/services", label: "Messaging Services" },
  { href: "/insights", label: "Messaging Insights" },
  { href: "/numbers", label: "Phone Numbers" },
  { href: "/carriers", label: "Carriers" },
  { href: "/logs", label: "Message Logs" },
  { href: "/conversations", label: "Conversations" },
  { href: "/send", label: "Send Test" },
  { href: "/domains", label: "Link Shortening Domains" },
  { href: "/alerts", label: "Alerts" },
  { href: "/settings", label: "Settings" },
];

export function ConsoleNav() {
  const path = usePathname();
  return (
    <nav aria-label="Main" className="overflow-x-auto px-2 pb-2 md:pb-0">
      <ul className="flex gap-1 md:flex-col">
        {items.map((item) => {
          const active = path === item.href || path.startsWith(item.href + "/");
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
