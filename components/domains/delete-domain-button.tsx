"use client";

import { ConfirmDeleteButton } from "@/components/forms/confirm-action-button";
import { deleteDomainAction } from "@/lib/server/actions/link-actions";

export function DeleteDomainButton({ sid, name }: { sid: string; name: string }) {
  return (
    <ConfirmDeleteButton
      trigger="Delete domain"
      name={name}
      sid={sid}
      body="Its certificate and configuration are removed and its short links stop redirecting. This cannot be undone."
      action={deleteDomainAction}
      formLabel="Delete domain"
    />
  );
}
