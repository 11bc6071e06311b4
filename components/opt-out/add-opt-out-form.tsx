"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { addOptOutAction } from "@/lib/server/actions/opt-out-actions";

export function AddOptOutForm({ serviceSid }: { serviceSid: string }) {
  return (
    <ActionForm action={addOptOutAction} label="Add to the opt-out list" resetOnSuccess className="flex flex-wrap items-start gap-3">
      {(state, pending) => (
        <>
          <input type="hidden" name="serviceSid" value={serviceSid} />
          <div className="w-64">
            <TextField label="Phone number" name="phoneNumber" placeholder="+14155550100" error={state.fieldErrors?.phoneNumber} hint="E.164, or whatsapp:+…" />
          </div>
          <div className="pt-6">
            <Button type="submit" pending={pending}>
              Add to list
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
