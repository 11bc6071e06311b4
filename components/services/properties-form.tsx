"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { updateServiceAction } from "@/lib/server/actions/service-actions";
import { usecaseOptions } from "./usecase-options";

export function PropertiesForm({ sid, friendlyName, usecase }: { sid: string; friendlyName: string; usecase: string }) {
  return (
    <ActionForm action={updateServiceAction} label="Service properties">
      {(state, pending) => (
        <>
          <input type="hidden" name="sid" value={sid} />
          <TextField label="Friendly name" name="friendlyName" defaultValue={friendlyName} maxLength={64} error={state.fieldErrors?.friendlyName} />
          <SelectField label="Use case" name="usecase" defaultValue={usecase} options={usecaseOptions} error={state.fieldErrors?.usecase} />
          <Button type="submit" pending={pending}>
            Save
          </Button>
        </>
      )}
    </ActionForm>
  );
}
