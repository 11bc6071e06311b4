import type { Metadata } from "next";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/core/auth/roles";
import { AppError } from "@/lib/server/errors";
import { findUsableInvite, type InviteForSignUp } from "@/lib/server/services/users/invites";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";

export const dynamic = "force-dynamic";
// The link's secret is in this page's URL: never send it on as a Referer.
export const metadata: Metadata = { title: "Join Switchyard", referrer: "no-referrer" };

/** A sign-up link (docs/team.md "Invites"): open to anyone holding it, signed in or not. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invite: InviteForSignUp | null = null;
  try {
    invite = await findUsableInvite(token);
  } catch (err) {
    if (!(err instanceof AppError && err.status === 404)) throw err;
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        {invite ? (
          <>
            <h1 className="text-xl font-semibold text-slate-900">Join {invite.accountName}</h1>
            <p className="mb-6 mt-1 text-sm text-slate-500">
              You are invited as <strong>{ROLE_LABELS[invite.role]}</strong>: {ROLE_DESCRIPTIONS[invite.role]}
            </p>
            <AcceptInviteForm token={token} />
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold text-slate-900">Invite not valid</h1>
            <p role="alert" className="mt-2 text-sm text-slate-600">
              This invite link is not valid: it was used, revoked or has expired. Ask an owner of the account for a new one.
            </p>
            <a href="/login" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
              Go to sign in
            </a>
          </>
        )}
      </div>
    </main>
  );
}
