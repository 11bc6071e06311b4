"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { deleteCampaignAction } from "@/lib/server/actions/compliance-actions";

export function DeleteCampaignButton({ serviceSid, sid }: { serviceSid: string; sid: string }) {
  return (
    <ActionForm action={deleteCampaignAction} label="Delete campaign">
      {(_state, pending) => (
        <>
          <input type="hidden" name="serviceSid" value={serviceSid} />
          <input type="hidden" name="sid" value={sid} />
          <Button type="submit" variant="danger" pending={pending}>
            Delete campaign
          </Button>
        </>
      )}
    </ActionForm>
  );
}
