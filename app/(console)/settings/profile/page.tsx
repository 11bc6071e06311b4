import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/core/auth/roles";
import { requireViewerPage } from "@/lib/server/auth/session";
import { loadProfile } from "@/lib/server/services/accounts/account-settings";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/settings/change-password-form";

export default async function ProfilePage() {
  const viewer = await requireViewerPage();
  const user = await loadProfile(viewer.userId);
  return (
    <>
      <PageHeader title="Profile" description="Your sign-in and password." />
      <div className="space-y-6">
        <Card title="You">
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Name</dt>
              <dd>{user.name}</dd>
            </div>
            <div className="min-w-0">
              <dt className="text-slate-500">Email</dt>
              <dd className="break-all">{user.email}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Role</dt>
              <dd>
                {ROLE_LABELS[user.role]} <span className="text-slate-500">— {ROLE_DESCRIPTIONS[user.role]}</span>
              </dd>
            </div>
          </dl>
        </Card>
        <Card title="Change password" description="Signs out your other sessions (other browsers and devices); this one stays signed in.">
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
