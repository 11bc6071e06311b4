"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { can, type Permission } from "@/lib/core/auth/roles";
import { useViewerRole } from "@/components/auth/viewer-role";
import { buttonClass } from "@/components/ui/button";

/** `permission`: shown only to roles holding it (the page itself answers 404 to the others). */
const items: { href: string; label: string; permission?: Permission }[] = [
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
  { href: "/audit", label: "Audit log", permission: "account.manage" },
];

/**
 * The console's navigation: a sidebar from the md breakpoint up, and on a
 * phone a "Menu" button that opens the same list (Escape closes it and
 * returns focus to the button; following a link closes it).
 */
export function ConsoleNav() {
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const role = useViewerRole();
  const shown = items.filter((i) => !i.permission || role === null || can(role, i.permission));
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="console-nav"
        onClick={() => setOpen((o) => !o)}
        className={`${buttonClass("secondary")} absolute right-4 top-3 md:hidden`}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        Menu
      </button>
      <nav id="console-nav" aria-label="Main" className={`${open ? "block" : "hidden"} px-2 pb-3 md:block md:min-h-0 md:flex-1 md:overflow-y-auto md:pb-2`}>
        <ul className="flex flex-col gap-1">
          {shown.map((item) => {
            const active = path === item.href || path.startsWith(item.href + "/");
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={`block rounded-md px-3 py-2 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
