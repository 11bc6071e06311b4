"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeOptOutAction } from "@/lib/server/actions/opt-out-actions";

export function RemoveOptOutButton({ serviceSid, recipient }: { serviceSid: string; recipient: string }) {
  return (
    <ConfirmDialog trigger="Remove" title={`Remove ${recipient}?`} body="Messages to this number will be sent again. The removal is recorded with your name.">
      <ActionForm action={removeOptOutAction} label={`Confirm removing ${recipient}`} className="">
        {(_state, pending) => (
          <>
            <input type="hidden" name="serviceSid" value={serviceSid} />
            <input type="hidden" name="recipient" value={recipient} />
            <Button type="submit" variant="danger" pending={pending}>
              Remove from list
            </Button>
          </>
        )}
      </ActionForm>
    </ConfirmDialog>
  );
}
