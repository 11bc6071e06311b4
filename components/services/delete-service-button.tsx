"use client";

import { ConfirmDeleteButton } from "@/components/forms/confirm-action-button";
import { deleteServiceAction } from "@/lib/server/actions/service-actions";

export function DeleteServiceButton({ sid, name }: { sid: string; name: string }) {
  return (
    <ConfirmDeleteButton
      trigger="Delete service"
      name={name}
      sid={sid}
      body="The service, its alpha senders and sticky mappings are deleted. This cannot be undone."
      action={deleteServiceAction}
      formLabel="Confirm delete"
    />
  );
}
