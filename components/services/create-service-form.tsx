"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { createServiceAction } from "@/lib/server/actions/service-actions";
import { usecaseOptions } from "./usecase-options";

export function CreateServiceForm() {
  return (
    <ActionForm action={createServiceAction} label="Create Messaging Service">
      {(state, pending) => (
        <>
          <TextField label="Friendly name" name="friendlyName" maxLength={64} error={state.fieldErrors?.friendlyName} />
          <SelectField label="Use case" name="usecase" defaultValue="undeclared" options={usecaseOptions} error={state.fieldErrors?.usecase} />
          <Button type="submit" pending={pending}>
            Create
          </Button>
        </>
      )}
    </ActionForm>
  );
}
