"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import {
  addAlphaSenderAction,
  addPhoneNumberAction,
  addRcsSenderAction,
  addShortCodeAction,
  addWhatsAppSenderAction,
} from "@/lib/server/actions/sender-pool-actions";
import type { ActionState } from "@/lib/server/actions/action-state";

type Option = { value: string; label: string };

/** One add-sender form: the service SID, the kind's fields, and a submit button named like the form. */
function AddSenderForm({
  action,
  label,
  serviceSid,
  children,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  serviceSid: string;
  children: (state: ActionState) => ReactNode;
}) {
  return (
    <ActionForm action={action} label={label} resetOnSuccess>
      {(state, pending) => (
        <>
          <input type="hidden" name="serviceSid" value={serviceSid} />
          {children(state)}
          <Button type="submit" pending={pending}>
            {label}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

/** Numbers of the account not in this pool; those in another service say so (adding them is refused with 21712). */
export function AddPhoneNumberForm({ serviceSid, options }: { serviceSid: string; options: Option[] }) {
  return (
    <AddSenderForm action={addPhoneNumberAction} label="Add phone number" serviceSid={serviceSid}>
      {(state) => (
        <>
          <SelectField label="Phone number" name="phoneNumberSid" options={[{ value: "", label: "Choose a number…" }, ...options]} error={state.fieldErrors?.phoneNumberSid} />
        </>
      )}
    </AddSenderForm>
  );
}

export function AddShortCodeForm({ serviceSid, options }: { serviceSid: string; options: Option[] }) {
  return (
    <AddSenderForm action={addShortCodeAction} label="Add short code" serviceSid={serviceSid}>
      {(state) => (
        <>
          <SelectField label="Short code" name="shortCodeSid" options={[{ value: "", label: "Choose a short code…" }, ...options]} error={state.fieldErrors?.shortCodeSid} />
        </>
      )}
    </AddSenderForm>
  );
}

export function AddAlphaSenderForm({ serviceSid, countries }: { serviceSid: string; countries: Option[] }) {
  return (
    <AddSenderForm action={addAlphaSenderAction} label="Add alpha sender" serviceSid={serviceSid}>
      {(state) => (
        <>
          <TextField
            label="Alpha sender ID"
            name="alphaSender"
            maxLength={11}
            autoComplete="off"
            error={state.fieldErrors?.alphaSender}
            hint="Up to 11 characters: letters, digits, spaces and - + _ &, with at least one letter."
          />
          <SelectField
            label="Destination country"
            name="isoCountryCode"
            options={[{ value: "", label: "All countries (service-wide)" }, ...countries]}
            error={state.fieldErrors?.isoCountryCode}
            hint="A sender for one country beats the service-wide one there."
          />
        </>
      )}
    </AddSenderForm>
  );
}

export function AddWhatsAppForm({ serviceSid }: { serviceSid: string }) {
  return (
    <AddSenderForm action={addWhatsAppSenderAction} label="Add WhatsApp sender" serviceSid={serviceSid}>
      {(state) => (
        <>
          <TextField label="WhatsApp number" name="whatsappNumber" placeholder="+14155550100" autoComplete="off" error={state.fieldErrors?.whatsappNumber} hint="E.164; the country is taken from the number." />
        </>
      )}
    </AddSenderForm>
  );
}

export function AddRcsForm({ serviceSid }: { serviceSid: string }) {
  return (
    <AddSenderForm action={addRcsSenderAction} label="Add RCS sender" serviceSid={serviceSid}>
      {(state) => (
        <>
          <TextField label="RCS agent ID" name="rcsAgentId" placeholder="acme_agent" autoComplete="off" error={state.fieldErrors?.rcsAgentId} />
          <TextField label="Approved countries" name="rcsCountries" placeholder="US, GB" autoComplete="off" error={state.fieldErrors?.rcsCountries} hint="ISO codes separated by commas; empty = none approved yet." />
        </>
      )}
    </AddSenderForm>
  );
}
