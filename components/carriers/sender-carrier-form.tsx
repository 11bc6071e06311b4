"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { setSenderCarrierAction } from "@/lib/server/actions/carrier-actions";
import { choiceLabel, type CarrierChoice } from "./route-forms";

/** Options of a sender's "Carrier" select: blank is the account default. */
export const carrierOptions = (carriers: CarrierChoice[]) => [{ value: "", label: "Account default" }, ...carriers.map((c) => ({ value: c.sid, label: choiceLabel(c) }))];

/** Inline "Carrier" select of one sender row (short codes, alpha senders). */
export function SenderCarrierForm({
  kind,
  sid,
  label,
  carrierSid,
  carriers,
}: {
  kind: "phoneNumber" | "shortCode" | "alphaSender";
  sid: string;
  label: string;
  carrierSid: string | null;
  carriers: CarrierChoice[];
}) {
  return (
    <ActionForm action={setSenderCarrierAction} label={`Carrier of ${label}`} className="flex items-end gap-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="sid" value={sid} />
          <div className="min-w-40 [&_label]:sr-only">
            <SelectField label={`Carrier for ${label}`} id={`carrier-${sid}`} name="carrierSid" defaultValue={carrierSid ?? ""} options={carrierOptions(carriers)} error={state.fieldErrors?.carrierSid} />
          </div>
          <Button type="submit" variant="secondary" pending={pending}>
            Save
          </Button>
        </>
      )}
    </ActionForm>
  );
}
