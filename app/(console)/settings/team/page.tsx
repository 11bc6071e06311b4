import { requirePagePermission } from "@/lib/server/auth/session";
import { listPendingInvites } from "@/lib/server/services/users/invites";
import { listTeamMembers } from "@/lib/server/services/users/team-members";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { InviteForm } from "@/components/settings/invite-form";
import { PendingInvites, TeamMembers } from "@/components/settings/team-members";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Settings → Team (docs/team.md): owners only; any other role gets the not-found page. */
export default async function TeamPage() {
  const viewer = await requirePagePermission("users.manage");
  const [members, invites] = await Promise.all([listTeamMembers(viewer.accountSid), listPendingInvites(viewer.accountSid)]);
  return (
    <>
      <PageHeader title="Team" description="Users of this account, their roles, and invites." />
      <div className="space-y-6">
        <Card title="Users">
          <TeamMembers viewerId={viewer.userId} members={members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, since: day(m.createdAt) }))} />
        </Card>
        <Card title="Invite a user" description="Creates a sign-up link for one person, valid for 7 days. Pass it on yourself: no email is sent.">
          <InviteForm />
        </Card>
        <Card title="Pending invites">
          {invites.length === 0 ? (
            <EmptyState title="No pending invites" />
          ) : (
            <PendingInvites invites={invites.map((i) => ({ id: i.id, role: i.role, createdAt: day(i.createdAt), expiresAt: day(i.expiresAt), createdBy: i.createdByEmail }))} />
          )}
        </Card>
      </div>
    </>
  );
}
