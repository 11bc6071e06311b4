"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Toggle } from "@/components/ui/field";
import { updateServiceAction } from "@/lib/server/actions/service-actions";

/** Sticky Sender and Area Code Geomatch: plain service settings, saved through the service update action. */
export function SenderSelectionForm({ sid, stickySender, areaCodeGeomatch }: { sid: string; stickySender: boolean; areaCodeGeomatch: boolean }) {
  return (
    <ActionForm action={updateServiceAction} label="Sender selection settings">
      {(_state, pending) => (
        <>
          <input type="hidden" name="sid" value={sid} />
          <Toggle
            label="Sticky Sender"
            name="stickySender"
            defaultChecked={stickySender}
            description="Keep using the same sender for a recipient (SMS and WhatsApp). Turning it off keeps existing mappings."
          />
          <Toggle
            label="Area Code Geomatch"
            name="areaCodeGeomatch"
            defaultChecked={areaCodeGeomatch}
            description="For US and Canadian recipients, prefer a number with the recipient's area code (or an overlay of it)."
          />
          <Button type="submit" pending={pending}>
            Save settings
          </Button>
        </>
      )}
    </ActionForm>
  );
}
