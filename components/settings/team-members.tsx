"use client";

import { ActionForm } from "@/components/forms/action-form";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { changeUserRoleAction, removeUserAction, revokeInviteAction } from "@/lib/server/actions/team-actions";
import { ROLE_LABELS, type Role } from "@/lib/core/auth/roles";
import { ROLE_OPTIONS } from "./role-options";

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  since: string;
}

/** Users with their roles; owners change a role or remove a user (never the last owner: the server refuses). */
export function TeamMembers({ members, viewerId }: { members: MemberRow[]; viewerId: string }) {
  return (
    <Table label="Users" head={["Name", "Email", "Role", "Since", ""]}>
      {members.map((m) => (
        <tr key={m.id}>
          <Td>
            {m.name} {m.id === viewerId ? <Badge>you</Badge> : null}
          </Td>
          <Td>{m.email}</Td>
          <Td>
            <ActionForm action={changeUserRoleAction} label={`Change role of ${m.email}`} permission="users.manage" className="flex items-center gap-2">
              {(_s, pending) => (
                <>
                  <input type="hidden" name="userId" value={m.id} />
                  {/* aria-label, not an sr-only <label>: an absolutely placed label escapes the table's scroll box on a phone. */}
                  <select
                    key={m.role}
                    aria-label={`Role of ${m.email}`}
                    name="role"
                    defaultValue={m.role}
                    className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600"
                  >
                    {ROLE_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <Button type="submit" variant="secondary" pending={pending} aria-label={`Save role of ${m.email}`}>
                    Save
                  </Button>
                </>
              )}
            </ActionForm>
          </Td>
          <Td>{m.since}</Td>
          <Td>
            <ConfirmActionButton
              trigger="Remove"
              title={`Remove ${m.email}?`}
              body="The user is signed out at once and can no longer sign in. Their past changes stay."
              action={removeUserAction}
              formLabel={`Confirm remove ${m.email}`}
              submit="Remove user"
              fields={{ userId: m.id }}
              permission="users.manage"
            />
          </Td>
        </tr>
      ))}
    </Table>
  );
}

export interface InviteRow {
  id: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  createdBy: string | null;
}

export function PendingInvites({ invites }: { invites: InviteRow[] }) {
  return (
    <Table label="Pending invites" head={["Role", "Created", "Expires", "By", ""]}>
      {invites.map((i) => (
        <tr key={i.id}>
          <Td>{ROLE_LABELS[i.role]}</Td>
          <Td>{i.createdAt}</Td>
          <Td>{i.expiresAt}</Td>
          <Td>{i.createdBy ?? "—"}</Td>
          <Td>
            <ConfirmActionButton
              trigger="Revoke"
              title="Revoke this invite?"
              body="The link stops working at once."
              action={revokeInviteAction}
              formLabel={`Confirm revoke invite ${i.id}`}
              submit="Revoke invite"
              fields={{ id: i.id }}
              permission="users.manage"
            />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
