"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/server/actions/team-actions";

/** Change one's own password (docs/team.md "Change password"): every role may; other sessions are signed out. */
export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction} label="Change password" permission="profile.manage" className="max-w-sm space-y-4">
      {(state, pending) => (
        <>
          <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={state.fieldErrors?.currentPassword} />
          <TextField
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters; not your email, not a common password."
            error={state.fieldErrors?.newPassword}
          />
          <TextField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" error={state.fieldErrors?.confirmPassword} />
          <Button type="submit" pending={pending}>
            Change password
          </Button>
        </>
      )}
    </ActionForm>
  );
}
