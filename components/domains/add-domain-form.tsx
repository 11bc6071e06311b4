"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { createDomainAction } from "@/lib/server/actions/link-actions";

export function AddDomainForm() {
  return (
    <ActionForm action={createDomainAction} label="Add a domain" className="flex flex-wrap items-end gap-3">
      {(state, pending) => (
        <>
          <div className="min-w-72 flex-1">
            <TextField
              label="Domain name"
              name="domainName"
              placeholder="links.example.com"
              error={state.fieldErrors?.domainName}
              hint="A domain or subdomain used only for short links; point its DNS at this server's link listener."
            />
          </div>
          <Button type="submit" pending={pending}>
            Add domain
          </Button>
        </>
      )}
    </ActionForm>
  );
}
