"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { createCarrierRouteAction, deleteCarrierRouteAction, updateCarrierRouteAction } from "@/lib/server/actions/carrier-actions";

export interface CarrierChoice {
  sid: string;
  friendlyName: string;
  enabled?: boolean;
}

/** "Name", or "Name (disabled)": a disabled carrier can be chosen (routes and senders skip it until enabled). */
export const choiceLabel = (c: CarrierChoice) => (c.enabled === false ? `${c.friendlyName} (disabled)` : c.friendlyName);

const ORDINALS = ["First carrier", "Second carrier (failover)", "Third carrier (failover)"];

/**
 * Add or edit a prefix route: an E.164 prefix and up to three carriers in
 * failover order (the API takes up to ten). Ids are suffixed per form so the
 * add form and an edit form can share the page.
 */
export function CarrierRouteForm({ carriers, route }: { carriers: CarrierChoice[]; route?: { sid: string; prefix: string; carrierSids: string[] } }) {
  const router = useRouter();
  const suffix = route ? "-edit" : "";
  const options = (first: boolean) => [{ value: "", label: first ? "Choose a carrier" : "None" }, ...carriers.map((c) => ({ value: c.sid, label: choiceLabel(c) }))];
  return (
    <ActionForm
      action={route ? updateCarrierRouteAction : createCarrierRouteAction}
      label={route ? `Edit route ${route.prefix}` : "Add route"}
      resetOnSuccess={!route}
      onSuccess={() => (route ? router.replace("/carriers") : router.refresh())}
    >
      {(state, pending) => (
        <>
          {route ? <input type="hidden" name="sid" value={route.sid} /> : null}
          <div className="grid gap-4 sm:grid-cols-4">
            <TextField
              label="Prefix"
              id={`prefix${suffix}`}
              name="prefix"
              placeholder="+44"
              defaultValue={route?.prefix}
              autoComplete="off"
              error={state.fieldErrors?.prefix}
              hint="E.164: + and digits."
            />
            {ORDINALS.map((label, i) => (
              <SelectField
                key={label}
                label={label}
                id={`carrier${i + 1}${suffix}`}
                name={`carrier${i + 1}`}
                defaultValue={route?.carrierSids[i] ?? ""}
                options={options(i === 0)}
                error={i === 0 ? state.fieldErrors?.carrierSids : undefined}
              />
            ))}
          </div>
          <Button type="submit" pending={pending}>
            {route ? "Save route" : "Add route"}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function DeleteRouteButton({ sid, prefix }: { sid: string; prefix: string }) {
  return (
    <ConfirmActionButton
      trigger="Delete"
      title={`Delete the route for ${prefix}?`}
      body="Messages to these numbers then go by the sender's carrier or the account default."
      action={deleteCarrierRouteAction}
      formLabel={`Confirm delete route ${prefix}`}
      submit="Delete route"
      fields={{ sid }}
    />
  );
}
