"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { SelectField, TextField, Toggle } from "@/components/ui/field";
import { createShortCodeAction, deleteShortCodeAction } from "@/lib/server/actions/numbers-actions";

export function AddShortCodeForm({ countries }: { countries: { value: string; label: string }[] }) {
  return (
    <ActionForm action={createShortCodeAction} label="Add short code" resetOnSuccess>
      {(state, pending) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Short code" name="shortCode" inputMode="numeric" maxLength={6} placeholder="12345" autoComplete="off" error={state.fieldErrors?.shortCode} hint="5 or 6 digits." />
            <SelectField label="Short code country" name="isoCountry" defaultValue="US" options={countries} error={state.fieldErrors?.isoCountry} />
          </div>
          <div className="flex flex-wrap gap-6">
            <Toggle label="Short code SMS" name="scSmsEnabled" defaultChecked />
            <Toggle label="Short code MMS" name="scMmsEnabled" />
          </div>
          <Button type="submit" pending={pending}>
            Add short code
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function DeleteShortCodeButton({ sid, shortCode }: { sid: string; shortCode: string }) {
  return (
    <ConfirmActionButton
      trigger="Delete"
      title={`Delete short code ${shortCode}?`}
      body="It leaves its service's pool and your inventory; its sticky mappings are deleted."
      action={deleteShortCodeAction}
      formLabel={`Confirm delete ${shortCode}`}
      submit="Delete short code"
      fields={{ sid }}
    />
  );
}
