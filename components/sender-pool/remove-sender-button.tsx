"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeSenderAction } from "@/lib/server/actions/sender-pool-actions";

export function RemoveSenderButton({ serviceSid, senderSid, label }: { serviceSid: string; senderSid: string; label: string }) {
  return (
    <ConfirmDialog
      trigger="Remove"
      title={`Remove ${label} from the pool?`}
      body="Its sticky mappings are deleted too. Numbers, short codes and WhatsApp/RCS senders stay in the account's inventory."
    >
      <ActionForm action={removeSenderAction} label={`Confirm remove ${label}`} className="">
        {(_state, pending) => (
          <>
            <input type="hidden" name="serviceSid" value={serviceSid} />
            <input type="hidden" name="senderSid" value={senderSid} />
            <Button type="submit" variant="danger" pending={pending}>
              Remove sender
            </Button>
          </>
        )}
      </ActionForm>
    </ConfirmDialog>
  );
}
