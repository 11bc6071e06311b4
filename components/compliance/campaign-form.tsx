"use client";

import { useState, type ChangeEvent } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField, Toggle } from "@/components/ui/field";
import { createCampaignAction } from "@/lib/server/actions/compliance-actions";

/** Step 2: the service's campaign, registered with one of the account's brands. */
export function CampaignForm({
  serviceSid,
  brands,
  usecases,
}: {
  serviceSid: string;
  brands: { sid: string; label: string }[];
  usecases: { value: string; label: string }[];
}) {
  // Controlled fields: a form action resets uncontrolled ones after every answer, and a field error
  // must not cost the user the long texts they typed.
  const [values, setValues] = useState({ usecase: usecases[0]?.value ?? "", description: "", messageFlow: "", messageSamples: "", privacyPolicyUrl: "" });
  const bind = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return (
    <ActionForm action={createCampaignAction} label="Register a campaign">
      {(state, pending) => (
        <>
          <input type="hidden" name="serviceSid" value={serviceSid} />
          <SelectField label="Brand" name="brandSid" id="a2p-campaign-brandSid" options={brands.map((b) => ({ value: b.sid, label: b.label }))} error={state.fieldErrors?.brandSid} />
          <SelectField label="Campaign use case" name="usecase" id="a2p-campaign-usecase" {...bind("usecase")} options={usecases} error={state.fieldErrors?.usecase} />
          <TextAreaField
            label="Campaign description"
            name="description" id="a2p-campaign-description"
            {...bind("description")}
            required
            error={state.fieldErrors?.description}
            hint='40 to 4096 characters. Simulated vetting: a description containing "FAIL" is rejected.'
          />
          <TextAreaField label="Message flow" name="messageFlow" id="a2p-campaign-messageFlow" {...bind("messageFlow")} required error={state.fieldErrors?.messageFlow} hint="How recipients opt in (40 to 2048 characters)." />
          <TextAreaField
            label="Message samples"
            name="messageSamples" id="a2p-campaign-messageSamples"
            {...bind("messageSamples")}
            rows={4}
            required
            error={state.fieldErrors?.messageSamples ?? state.fieldErrors?.["messageSamples.0"] ?? state.fieldErrors?.["messageSamples.1"]}
            hint="2 to 5 samples, one per line, each 20 to 1024 characters."
          />
          <TextField label="Privacy policy URL" name="privacyPolicyUrl" id="a2p-campaign-privacyPolicyUrl" {...bind("privacyPolicyUrl")} type="url" error={state.fieldErrors?.privacyPolicyUrl} />
          <Toggle label="Messages contain links" name="hasEmbeddedLinks" />
          <Toggle label="Messages contain phone numbers" name="hasEmbeddedPhone" />
          <Button type="submit" pending={pending}>
            Submit campaign
          </Button>
        </>
      )}
    </ActionForm>
  );
}
