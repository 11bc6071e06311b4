"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { buyNumberAction } from "@/lib/server/actions/numbers-actions";

/** Buys one search result; type and capabilities are re-derived on the server from the inventory. */
export function BuyNumberButton({ phoneNumber }: { phoneNumber: string }) {
  return (
    <ActionForm action={buyNumberAction} label={`Buy ${phoneNumber}`} className="">
      {(_state, pending) => (
        <>
          <input type="hidden" name="phoneNumber" value={phoneNumber} />
          <Button type="submit" variant="secondary" pending={pending} aria-label={`Buy ${phoneNumber}`}>
            Buy
          </Button>
        </>
      )}
    </ActionForm>
  );
}
