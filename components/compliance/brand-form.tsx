"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { createBrandAction } from "@/lib/server/actions/compliance-actions";

/** Step 1: register a brand (the company behind the messages). */
export function BrandForm({ serviceSid }: { serviceSid: string }) {
  return (
    <ActionForm action={createBrandAction} label="Register a brand" resetOnSuccess>
      {(state, pending) => (
        <>
          <input type="hidden" name="serviceSid" value={serviceSid} />
          <TextField label="Company name" name="companyName" id="a2p-brand-companyName" required error={state.fieldErrors?.companyName} />
          <TextAreaField
            label="Brand description"
            name="description" id="a2p-brand-description"
            required
            error={state.fieldErrors?.description}
            hint='What the company does. Simulated vetting: a description containing "FAIL" is rejected.'
          />
          <Button type="submit" pending={pending}>
            Submit brand
          </Button>
        </>
      )}
    </ActionForm>
  );
}
