"use client";

import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { removeSenderAction } from "@/lib/server/actions/sender-pool-actions";

export function RemoveSenderButton({ serviceSid, senderSid, label }: { serviceSid: string; senderSid: string; label: string }) {
  return (
    <ConfirmActionButton
      trigger="Remove"
      title={`Remove ${label} from the pool?`}
      body="Its sticky mappings are deleted too. Numbers, short codes and WhatsApp/RCS senders stay in the account's inventory."
      action={removeSenderAction}
      formLabel={`Confirm remove ${label}`}
      submit="Remove sender"
      fields={{ serviceSid, senderSid }}
    />
  );
}
