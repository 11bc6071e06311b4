import type { ReactNode } from "react";
import { can } from "@/lib/core/auth/roles";
import { requireViewerPage } from "@/lib/server/auth/session";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewerPage();
  return (
    <>
      <SettingsTabs showTeam={can(viewer.role, "users.manage")} />
      {children}
    </>
  );
}
