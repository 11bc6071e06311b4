"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteDomainAction } from "@/lib/server/links/link-actions";

export function DeleteDomainButton({ sid, name }: { sid: string; name: string }) {
  return (
    <ConfirmDialog
      trigger="Delete domain"
      title={`Delete ${name}?`}
      body="Its certificate and configuration are removed and its short links stop redirecting. This cannot be undone."
    >
      <ActionForm action={deleteDomainAction} label="Delete domain">
        {(_s, pending) => (
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
