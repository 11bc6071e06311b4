"use client";

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

type Option = { value: string; label: string };

function Hidden({ serviceSid }: { serviceSid: string }) {
  return <input type="hidden" name="serviceSid" value={serviceSid} />;
}

/** Numbers of the account not in this pool; those in another service say so (adding them is refused with 21712). */
export function AddPhoneNumberForm({ serviceSid, options }: { serviceSid: string; options: Option[] }) {
  return (
    <ActionForm action={addPhoneNumberAction} label="Add phone number" resetOnSuccess>
      {(state, pending) => (
        <>
          <Hidden serviceSid={serviceSid} />
          <SelectField label="Phone number" name="phoneNumberSid" options={[{ value: "", label: "Choose a number…" }, ...options]} error={state.fieldErrors?.phoneNumberSid} />
          <Button type="submit" pending={pending}>
            Add phone number
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function AddShortCodeForm({ serviceSid, options }: { serviceSid: string; options: Option[] }) {
  return (
    <ActionForm action={addShortCodeAction} label="Add short code" resetOnSuccess>
      {(state, pending) => (
        <>
          <Hidden serviceSid={serviceSid} />
          <SelectField label="Short code" name="shortCodeSid" options={[{ value: "", label: "Choose a short code…" }, ...options]} error={state.fieldErrors?.shortCodeSid} />
          <Button type="submit" pending={pending}>
            Add short code
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function AddAlphaSenderForm({ serviceSid, countries }: { serviceSid: string; countries: Option[] }) {
  return (
    <ActionForm action={addAlphaSenderAction} label="Add alpha sender" resetOnSuccess>
      {(state, pending) => (
        <>
          <Hidden serviceSid={serviceSid} />
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
          <Button type="submit" pending={pending}>
            Add alpha sender
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function AddWhatsAppForm({ serviceSid }: { serviceSid: string }) {
  return (
    <ActionForm action={addWhatsAppSenderAction} label="Add WhatsApp sender" resetOnSuccess>
      {(state, pending) => (
        <>
          <Hidden serviceSid={serviceSid} />
          <TextField label="WhatsApp number" name="whatsappNumber" placeholder="+14155550100" autoComplete="off" error={state.fieldErrors?.whatsappNumber} hint="E.164; the country is taken from the number." />
          <Button type="submit" pending={pending}>
            Add WhatsApp sender
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function AddRcsForm({ serviceSid }: { serviceSid: string }) {
  return (
    <ActionForm action={addRcsSenderAction} label="Add RCS sender" resetOnSuccess>
      {(state, pending) => (
        <>
          <Hidden serviceSid={serviceSid} />
          <TextField label="RCS agent ID" name="rcsAgentId" placeholder="acme_agent" autoComplete="off" error={state.fieldErrors?.rcsAgentId} />
          <TextField label="Approved countries" name="rcsCountries" placeholder="US, GB" autoComplete="off" error={state.fieldErrors?.rcsCountries} hint="ISO codes separated by commas; empty = none approved yet." />
          <Button type="submit" pending={pending}>
            Add RCS sender
          </Button>
        </>
      )}
    </ActionForm>
  );
}
