"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { SelectField, TextField } from "@/components/ui/field";
import { releasePhoneNumberAction, updatePhoneNumberAction } from "@/lib/server/actions/numbers-actions";
import { carrierOptions } from "@/components/carriers/sender-carrier-form";
import type { CarrierChoice } from "@/components/carriers/route-forms";

export interface EditableNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  smsUrl: string;
  smsMethod: string;
  carrierSid: string | null;
}

export function EditNumberForm({ number: n, carriers }: { number: EditableNumber; carriers: CarrierChoice[] }) {
  return (
    <ActionForm action={updatePhoneNumberAction} label={`Configure ${n.phoneNumber}`}>
      {(state, pending) => (
        <>
          <input type="hidden" name="sid" value={n.sid} />
          <TextField label="Friendly name" name="friendlyName" maxLength={64} defaultValue={n.friendlyName} error={state.fieldErrors?.friendlyName} />
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <TextField
              label="SMS webhook URL"
              name="smsUrl"
              type="url"
              placeholder="https://example.com/sms"
              defaultValue={n.smsUrl}
              error={state.fieldErrors?.smsUrl}
              hint="Incoming messages to this number go here when its service defers to the sender's webhook."
            />
            <SelectField
              label="SMS webhook method"
              name="smsMethod"
              defaultValue={n.smsMethod}
              error={state.fieldErrors?.smsMethod}
              options={[
                { value: "POST", label: "HTTP POST" },
                { value: "GET", label: "HTTP GET" },
              ]}
            />
          </div>
          <SelectField
            label="Carrier"
            name="carrierSid"
            defaultValue={n.carrierSid ?? ""}
            error={state.fieldErrors?.carrierSid}
            options={carrierOptions(carriers)}
            hint="The connection this number sends through. Account default: the matching prefix route, else the default carrier."
          />
          <Button type="submit" pending={pending}>
            Save
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function ReleaseNumberButton({ sid, phoneNumber }: { sid: string; phoneNumber: string }) {
  const router = useRouter();
  return (
    <ConfirmActionButton
      trigger="Release number"
      title={`Release ${phoneNumber}?`}
      body="It leaves its service's pool and your inventory; its sticky mappings are deleted."
      action={releasePhoneNumberAction}
      formLabel="Confirm release"
      submit="Release"
      fields={{ sid }}
      onSuccess={() => router.replace("/numbers")}
    />
  );
}
