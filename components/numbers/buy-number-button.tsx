"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { buyNumberAction } from "@/lib/server/actions/numbers-actions";
import { buyNumberIntoPoolAction } from "@/lib/server/actions/setup-actions";

/**
 * Buys one search result; type and capabilities are re-derived on the server from the inventory.
 * With `serviceSid` (guided setup) the number goes straight into that service's pool, in the same write.
 */
export function BuyNumberButton({ phoneNumber, serviceSid }: { phoneNumber: string; serviceSid?: string }) {
  const label = serviceSid ? `Buy ${phoneNumber} and add it to the pool` : `Buy ${phoneNumber}`;
  return (
    <ActionForm action={serviceSid ? buyNumberIntoPoolAction : buyNumberAction} label={label} className="">
      {(_state, pending) => (
        <>
          <input type="hidden" name="phoneNumber" value={phoneNumber} />
          {serviceSid ? <input type="hidden" name="serviceSid" value={serviceSid} /> : null}
          <Button type="submit" variant="secondary" pending={pending} aria-label={label}>
            {serviceSid ? "Buy and add" : "Buy"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
