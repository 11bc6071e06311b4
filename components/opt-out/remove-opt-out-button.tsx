"use client";

import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { removeOptOutAction } from "@/lib/server/actions/opt-out-actions";

export function RemoveOptOutButton({ serviceSid, recipient }: { serviceSid: string; recipient: string }) {
  return (
    <ConfirmActionButton
      trigger="Remove"
      title={`Remove ${recipient}?`}
      body="Messages to this number will be sent again. The removal is recorded with your name."
      action={removeOptOutAction}
      formLabel={`Confirm removing ${recipient}`}
      submit="Remove from list"
      fields={{ serviceSid, recipient }}
    />
  );
}
