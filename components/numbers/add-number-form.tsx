"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField, Toggle } from "@/components/ui/field";
import { buyNumberAction } from "@/lib/server/actions/numbers-actions";

/** A number the operator already holds elsewhere (own carrier): entered in E.164, country derived on the server. */
export function AddNumberForm() {
  return (
    <ActionForm action={buyNumberAction} label="Add a number you own" resetOnSuccess>
      {(state, pending) => (
        <>
          <TextField
            label="Phone number (E.164)"
            name="phoneNumber"
            placeholder="+14155550100"
            autoComplete="off"
            inputMode="tel"
            error={state.fieldErrors?.phoneNumber}
            hint="Country and toll-free are derived from the number."
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Capabilities</legend>
            <div className="flex flex-wrap gap-6">
              <Toggle label="SMS" name="smsEnabled" defaultChecked />
              <Toggle label="MMS" name="mmsEnabled" defaultChecked />
              <Toggle label="Voice" name="voiceEnabled" defaultChecked />
            </div>
          </fieldset>
          <Button type="submit" pending={pending}>
            Add number
          </Button>
        </>
      )}
    </ActionForm>
  );
}
