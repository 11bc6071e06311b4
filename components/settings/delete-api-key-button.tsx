"use client";

import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { deleteApiKeyAction } from "@/lib/server/actions/settings-actions";

export function DeleteApiKeyButton({ sid, name }: { sid: string; name: string }) {
  return (
    <ConfirmActionButton
      trigger="Delete"
      title={`Delete API key ${name}?`}
      body="Requests signed with this key stop working at once."
      action={deleteApiKeyAction}
      formLabel={`Confirm delete ${name}`}
      submit="Delete key"
      fields={{ sid }}
      permission="apiKeys.manage"
    />
  );
}
