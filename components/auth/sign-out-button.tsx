import { signOutAction } from "@/lib/server/actions/sign-in-actions";

/** A form, so signing out works without JavaScript too and stays on the host the console was opened by. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="mt-1 text-sm font-medium text-indigo-700 hover:underline">
        Sign out
      </button>
    </form>
  );
}
