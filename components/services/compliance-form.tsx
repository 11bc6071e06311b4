"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, Toggle } from "@/components/ui/field";
import { updateServiceAction } from "@/lib/server/actions/service-actions";
import { usecaseOptions } from "./usecase-options";

/** Use case and the Sender ID pre-registration alert switch; saved through the same action as Properties. */
export function ComplianceForm({ sid, usecase, senderIdPreregAlert }: { sid: string; usecase: string; senderIdPreregAlert: boolean }) {
  return (
    <ActionForm action={updateServiceAction} label="Compliance settings">
      {(state, pending) => (
        <>
          <input type="hidden" name="sid" value={sid} />
          <SelectField label="Use case" name="usecase" defaultValue={usecase} options={usecaseOptions} error={state.fieldErrors?.usecase} />
          <Toggle
            label="Sender ID pre-registration alert"
            name="senderIdPreregAlert"
            defaultChecked={senderIdPreregAlert}
            description="Raise an alert when an alphanumeric sender sends to a country where Sender ID registration is required or recommended. Messages are still sent."
          />
          <Button type="submit" pending={pending}>
            Save
          </Button>
        </>
      )}
    </ActionForm>
  );
}
