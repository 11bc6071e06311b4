"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteApiKeyAction } from "@/lib/server/actions/settings-actions";

export function DeleteApiKeyButton({ sid, name }: { sid: string; name: string }) {
  return (
    <ConfirmDialog trigger="Delete" title={`Delete API key ${name}?`} body="Requests signed with this key stop working at once.">
      <ActionForm action={deleteApiKeyAction} label={`Confirm delete ${name}`} className="">
        {(_s, pending) => (
          <>
            <input type="hidden" name="sid" value={sid} />
            <Button type="submit" variant="danger" pending={pending}>
              Delete key
            </Button>
          </>
        )}
      </ActionForm>
    </ConfirmDialog>
  );
}
