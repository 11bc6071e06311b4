"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { acceptInviteAction } from "@/lib/server/actions/invite-actions";

/** The invitee's sign-up (docs/team.md "Invites"): name, email and a password under the password policy. */
export function AcceptInviteForm({ token }: { token: string }) {
  return (
    <ActionForm action={acceptInviteAction} label="Create your account" className="space-y-4">
      {(state, pending) => (
        <>
          <input type="hidden" name="token" value={token} />
          <TextField label="Name" name="name" autoComplete="name" maxLength={100} error={state.fieldErrors?.name} />
          <TextField label="Email" name="email" type="email" autoComplete="username" error={state.fieldErrors?.email} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters; not your email, not a common password."
            error={state.fieldErrors?.password}
          />
          <Button type="submit" pending={pending} className="w-full">
            Join and sign in
          </Button>
        </>
      )}
    </ActionForm>
  );
}
