"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteServiceAction } from "@/lib/server/actions/service-actions";

export function DeleteServiceButton({ sid, name }: { sid: string; name: string }) {
  return (
    <ConfirmDialog trigger="Delete service" title={`Delete ${name}?`} body="The service, its alpha senders and sticky mappings are deleted. This cannot be undone.">
      <ActionForm action={deleteServiceAction} label="Confirm delete" className="">
        {(_state, pending) => (
          <>
            <input type="hidden" name="sid" value={sid} />
            <Button type="submit" variant="danger" pending={pending}>
              Delete
            </Button>
          </>
        )}
      </ActionForm>
    </ConfirmDialog>
  );
}
