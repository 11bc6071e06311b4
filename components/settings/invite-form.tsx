"use client";

import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField } from "@/components/ui/field";
import { createInviteAction } from "@/lib/server/actions/team-actions";
import { ROLE_DESCRIPTIONS, type Role } from "@/lib/core/auth/roles";
import { ROLE_OPTIONS } from "./role-options";

/**
 * Creates a single-use sign-up link (docs/team.md "Invites"). There is no
 * mail server, so the link is shown once, with a copy button, to pass on.
 */
export function InviteForm() {
  const [link, setLink] = useState<{ url: string; role: string; expiresAt: string } | null>(null);
  const [role, setRole] = useState<Role>("developer");
  return (
    <div className="space-y-4">
      <ActionForm
        action={createInviteAction}
        label="Invite a user"
        permission="users.manage"
        className="flex flex-wrap items-end gap-3"
        onSuccess={(s) =>
          setLink({ url: `${window.location.origin}${String(s.data?.path ?? "")}`, role: String(s.data?.role ?? ""), expiresAt: String(s.data?.expiresAt ?? "") })
        }
      >
        {(state, pending) => (
          <>
            <div className="w-full sm:w-56">
              <SelectField label="Role" name="role" id="invite-role" options={ROLE_OPTIONS} defaultValue="developer" onChange={(e) => setRole(e.target.value as Role)} error={state.fieldErrors?.role} />
            </div>
            <Button type="submit" pending={pending}>
              Create invite link
            </Button>
            <p className="w-full text-xs text-slate-500">{ROLE_DESCRIPTIONS[role]}</p>
          </>
        )}
      </ActionForm>
      {link ? (
        <Alert tone="info">
          <p className="font-medium">Copy this link now: it is not shown again. It works once, until {link.expiresAt.slice(0, 10)}.</p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <span className="break-all font-mono text-xs" aria-label="Invite link">
              {link.url}
            </span>
            <CopyButton value={link.url} label="invite link" />
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
