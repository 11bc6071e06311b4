"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updateMessageRetentionAction } from "@/lib/server/actions/retention-actions";

/** The account's message log retention: whole days, or empty to keep messages forever. */
export function MessageRetentionForm({ days }: { days: number | null }) {
  return (
    <ActionForm action={updateMessageRetentionAction} label="Message retention" permission="account.manage" className="flex flex-wrap items-end gap-3">
      {(state, pending) => (
        <>
          <div className="w-64">
            <TextField
              label="Keep message logs for (days)"
              name="messageRetentionDays"
              inputMode="numeric"
              defaultValue={days ?? ""}
              placeholder="Forever"
              hint="Empty keeps them forever. Older messages that reached a final status are deleted within about 10 minutes."
              error={state.fieldErrors?.messageRetentionDays}
            />
          </div>
          <Button type="submit" pending={pending}>
            Save retention
          </Button>
        </>
      )}
    </ActionForm>
  );
}
