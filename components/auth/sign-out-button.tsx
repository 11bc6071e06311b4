"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="mt-1 text-sm font-medium text-indigo-700 hover:underline">
      Sign out
    </button>
  );
}
