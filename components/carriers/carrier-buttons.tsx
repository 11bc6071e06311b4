"use client";

import { ActionForm } from "@/components/forms/action-form";
import { ConfirmDeleteButton } from "@/components/forms/confirm-action-button";
import { Button } from "@/components/ui/button";
import { deleteCarrierAction, setCarrierEnabledAction } from "@/lib/server/actions/carrier-actions";

/** Disable (close its binds, send nothing through it) or enable again, in one click. */
export function EnableCarrierButton({ sid, enabled }: { sid: string; enabled: boolean }) {
  return (
    <ActionForm action={setCarrierEnabledAction} label={enabled ? "Disable carrier" : "Enable carrier"} className="">
      {(_state, pending) => (
        <>
          <input type="hidden" name="sid" value={sid} />
          <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
          <Button type="submit" variant="secondary" pending={pending}>
            {enabled ? "Disable" : "Enable"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function DeleteCarrierButton({ sid, name }: { sid: string; name: string }) {
  return (
    <ConfirmDeleteButton
      trigger="Delete carrier"
      name={name}
      sid={sid}
      body="Its binds close. It is removed from prefix routes (a route left without a carrier is deleted) and senders bound to it fall back to routes and the account default."
      action={deleteCarrierAction}
      formLabel="Confirm delete carrier"
    />
  );
}
