import type { ReactNode } from "react";
import { requireViewerPage } from "@/lib/server/auth/session";
import { ConsoleNav } from "@/components/layout/console-nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ViewerRoleProvider } from "@/components/auth/viewer-role";
import { ROLE_LABELS } from "@/lib/core/auth/roles";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewerPage();
  return (
    <div className="min-h-screen md:flex">
      <aside className="relative border-b border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 md:shrink-0 md:flex-col md:border-b-0 md:border-r">
        <div className="flex items-center justify-between px-4 py-4 md:block">
          <a href="/services" className="text-lg font-semibold tracking-tight text-indigo-700">
            Switchyard
          </a>
          <p className="hidden truncate font-mono text-[11px] text-slate-400 md:mt-1 md:block" title="Account SID">
            {viewer.accountSid}
          </p>
        </div>
        <ConsoleNav />
        <div className="hidden border-t border-slate-100 px-4 py-3 md:block">
          <p className="truncate text-xs text-slate-500">{viewer.email}</p>
          <p className="text-xs text-slate-400">{ROLE_LABELS[viewer.role]}</p>
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8">
        <div className="mx-auto max-w-6xl">
          {/* Hides controls the role cannot use (docs/team.md "Roles"); the server enforces it regardless. */}
          <ViewerRoleProvider role={viewer.role}>{children}</ViewerRoleProvider>
        </div>
        <div className="mt-8 md:hidden">
          <SignOutButton />
        </div>
      </main>
    </div>
  );
}
