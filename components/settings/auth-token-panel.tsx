"use client";

import { ActionForm } from "@/components/forms/action-form";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Button } from "@/components/ui/button";
import { RevealSecret } from "@/components/settings/reveal-secret";
import { revealAuthTokenAction } from "@/lib/server/actions/settings-actions";
import {
  createSecondaryAuthTokenAction,
  deleteSecondaryAuthTokenAction,
  promoteSecondaryAuthTokenAction,
  revealSecondaryAuthTokenAction,
} from "@/lib/server/actions/team-actions";

/**
 * The auth tokens and their rotation (docs/team.md "Auth token rotation"), for owners:
 * create a secondary, move clients to it, promote it; or delete it.
 */
export function AuthTokenPanel({ secondaryCreatedAt }: { secondaryCreatedAt: string | null }) {
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-500">Auth token (primary)</p>
        <RevealSecret label="auth token" reveal={revealAuthTokenAction} />
      </div>
      {secondaryCreatedAt ? (
        <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <div>
            <p className="text-sm text-slate-500">
              Secondary token, created <time dateTime={secondaryCreatedAt}>{secondaryCreatedAt.slice(0, 16).replace("T", " ")} UTC</time>. Both tokens work until you promote or delete it.
            </p>
            <RevealSecret label="secondary token" reveal={revealSecondaryAuthTokenAction} />
          </div>
          <div className="flex flex-wrap gap-2">
            <ConfirmActionButton
              trigger="Promote secondary token"
              title="Promote the secondary token?"
              body="It becomes the auth token, and the current auth token stops working at once (API requests and webhook signatures use the new one)."
              action={promoteSecondaryAuthTokenAction}
              formLabel="Confirm promote"
              submit="Promote"
              fields={{}}
              permission="credentials.manage"
            />
            <ConfirmActionButton
              trigger="Delete secondary token"
              title="Delete the secondary token?"
              body="Requests authenticated with it stop working at once. The auth token is unchanged."
              action={deleteSecondaryAuthTokenAction}
              formLabel="Confirm delete secondary token"
              submit="Delete token"
              fields={{}}
              permission="credentials.manage"
            />
          </div>
        </div>
      ) : (
        <ActionForm action={createSecondaryAuthTokenAction} label="Create secondary token" permission="credentials.manage" className="flex flex-wrap items-center gap-3">
          {(_s, pending) => (
            <>
              <Button type="submit" variant="secondary" pending={pending}>
                Create secondary token
              </Button>
              <span className="text-xs text-slate-500">To rotate: create one, move your apps to it, then promote it.</span>
            </>
          )}
        </ActionForm>
      )}
    </div>
  );
}
