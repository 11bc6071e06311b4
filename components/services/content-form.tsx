"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, Toggle } from "@/components/ui/field";
import { updateServiceAction } from "@/lib/server/actions/service-actions";

export function ContentForm(props: { sid: string; smartEncoding: boolean; mmsConverter: boolean; scanMessageContent: string; synchronousValidation: boolean }) {
  return (
    <ActionForm action={updateServiceAction} label="Content settings">
      {(state, pending) => (
        <>
          <input type="hidden" name="sid" value={props.sid} />
          <Toggle
            label="Smart Encoding"
            name="smartEncoding"
            defaultChecked={props.smartEncoding}
            description="Replace look-alike Unicode characters (curly quotes, long dashes…) with GSM-7 ones so messages cost fewer segments. Emoji and other scripts are left alone. A message sent with SmartEncoded=true is smart-encoded even when this is off."
          />
          <Toggle
            label="MMS Converter"
            name="mmsConverter"
            defaultChecked={props.mmsConverter}
            description="When the recipient's carrier cannot take MMS, send an SMS with a link to each media file instead (links work for 365 days and count toward segments). Off: the MMS is sent anyway, an alert is raised and the carrier will likely not deliver it."
          />
          <SelectField
            label="Scan message content"
            name="scanMessageContent"
            defaultValue={props.scanMessageContent}
            error={state.fieldErrors?.scanMessageContent}
            options={[
              { value: "inherit", label: "Inherit from account" },
              { value: "enable", label: "Enable" },
              { value: "disable", label: "Disable" },
            ]}
          />
          <Toggle label="Synchronous validation" name="synchronousValidation" defaultChecked={props.synchronousValidation} description="Reserved by Twilio; kept for API compatibility." />
          <Button type="submit" pending={pending}>
            Save
          </Button>
        </>
      )}
    </ActionForm>
  );
}
