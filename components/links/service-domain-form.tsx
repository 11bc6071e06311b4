"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { setServiceDomainAction } from "@/lib/server/actions/link-actions";

export function ServiceDomainForm({ serviceSid, current, domains }: { serviceSid: string; current: string; domains: { sid: string; domainName: string }[] }) {
  return (
    <ActionForm action={setServiceDomainAction} label="Link shortening domain" className="flex flex-wrap items-end gap-3">
      {(state, pending) => (
        <>
          <input type="hidden" name="serviceSid" value={serviceSid} />
          <div className="min-w-64 flex-1">
            <SelectField
              label="Domain"
              name="domainSid"
              defaultValue={current}
              error={state.fieldErrors?.domainSid}
              options={[{ value: "", label: "None (no link shortening)" }, ...domains.map((d) => ({ value: d.sid, label: d.domainName }))]}
            />
          </div>
          <Button type="submit" pending={pending}>
            Save domain
          </Button>
        </>
      )}
    </ActionForm>
  );
}
