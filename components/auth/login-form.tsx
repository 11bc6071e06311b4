"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signInAction, type SignInState } from "@/lib/server/actions/sign-in-actions";

/**
 * A server-action form: React posts it (method="post") when scripts run, the
 * browser posts it natively when they do not (or have not loaded yet); either
 * way the credentials go in the request body, never in a URL.
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} aria-label="Sign in" className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.email} key={state.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {state.error ? (
        <p role="alert" className="text-sm text-red-600">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
