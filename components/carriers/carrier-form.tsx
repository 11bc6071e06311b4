"use client";

import { startTransition, useActionState, useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { isCredentialsError } from "@/lib/core/carriers/carrier-state";
import { initialActionState, type ActionState } from "@/lib/server/actions/action-state";
import { createCarrierAction, updateCarrierAction } from "@/lib/server/actions/carrier-actions";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, Toggle } from "@/components/ui/field";
import { useCarrier, type CarrierJson } from "./use-carriers";

type Values = Record<string, string>;
type Switches = Record<string, boolean>;

/** The create form starts from SMPP_DEFAULTS (docs/carriers.md), so each value is visible before saving. */
export const NEW_CARRIER_VALUES: Values = {
  type: "smpp",
  bindMode: "transceiver",
  windowSize: "10",
  throughput: "100",
  binds: "1",
  enquireLinkInterval: "30",
  concatenation: "udh8",
  systemType: "",
  sourceTonAlpha: "5",
  sourceNpiAlpha: "0",
  sourceTonShortCode: "3",
  sourceNpiShortCode: "0",
  sourceTonInternational: "1",
  sourceNpiInternational: "1",
  destinationTon: "1",
  destinationNpi: "1",
};
export const NEW_CARRIER_SWITCHES: Switches = { tls: false, registeredDelivery: true, isDefault: false, enabled: true };

const ADDRESSING: [string, string][] = [
  ["sourceTonAlpha", "Alphanumeric source TON"],
  ["sourceNpiAlpha", "Alphanumeric source NPI"],
  ["sourceTonShortCode", "Short code source TON"],
  ["sourceNpiShortCode", "Short code source NPI"],
  ["sourceTonInternational", "International source TON"],
  ["sourceNpiInternational", "International source NPI"],
  ["destinationTon", "Destination TON"],
  ["destinationNpi", "Destination NPI"],
];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-slate-100 pt-4 first:border-0 first:pt-0">
      <legend className="text-sm font-semibold text-slate-900">{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * Create / edit form of a carrier. Submitted without React's form reset
 * (the action is dispatched from onSubmit), so whatever was typed, the
 * password included, stays in place when the server answers field errors.
 * `credentialsError` is a live bind error about the credentials, shown at
 * the password / auth token field.
 */
export function CarrierForm({ sid, values, switches, credentialsError }: { sid?: string; values: Values; switches: Switches; credentialsError?: string | null }) {
  const router = useRouter();
  const editing = sid !== undefined;
  const [type, setType] = useState(values.type ?? "smpp");
  const run = useCallback(
    async (prev: ActionState, form: FormData) => {
      const state = await (editing ? updateCarrierAction : createCarrierAction)(prev, form);
      if (state.ok) {
        if (state.message) toast.success(state.message);
        router.refresh();
      } else if (state.message) toast.error(state.message);
      return state;
    },
    [editing, router],
  );
  const [state, dispatch, pending] = useActionState(run, initialActionState);
  const err = (name: string) => state.fieldErrors?.[name];
  const text = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> & { hint?: React.ReactNode } = {}) => (
    <TextField label={label} name={name} defaultValue={values[name] ?? ""} error={err(name)} autoComplete="off" {...props} />
  );
  const secretHint = editing ? "Stored encrypted and never shown. Leave blank to keep the stored one." : "Stored encrypted; it is never shown again after saving.";

  return (
    <form
      aria-label={editing ? "Edit carrier" : "Create carrier"}
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {editing ? <input type="hidden" name="sid" value={sid} /> : null}
      <Section title="Connection">
        <div className="grid gap-4 sm:grid-cols-2">
          {text("friendlyName", "Friendly name", { maxLength: 64 })}
          {editing ? (
            <div className="space-y-1">
              <p className="block text-sm font-medium text-slate-700">Type</p>
              <p className="py-2 text-sm text-slate-900">{type === "smpp" ? "SMPP 3.4" : "Twilio-compatible API"}</p>
            </div>
          ) : (
            <SelectField
              label="Type"
              name="type"
              value={type}
              onChange={(e) => setType(e.target.value)}
              error={err("type")}
              options={[
                { value: "smpp", label: "SMPP 3.4" },
                { value: "twilio", label: "Twilio-compatible API" },
              ]}
            />
          )}
        </div>
        {type === "smpp" ? (
          <>
            <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
              {text("host", "Host", { placeholder: "smsc.example.net", hint: "Host name or IP address, no scheme or port." })}
              {text("port", "Port", { inputMode: "numeric", placeholder: "2775" })}
            </div>
            <Toggle label="TLS" name="tls" defaultChecked={switches.tls} description="Wrap the SMPP session in TLS (usually port 3550)." />
            <div className="grid gap-4 sm:grid-cols-3">
              {text("systemId", "System ID", { maxLength: 16 })}
              <TextField
                label="Password"
                name="password"
                type="password"
                autoComplete="new-password"
                maxLength={64}
                error={err("password") ?? credentialsError ?? undefined}
                hint={secretHint}
              />
              {text("systemType", "System type", { maxLength: 12, hint: "Often empty." })}
            </div>
          </>
        ) : (
          <>
            {text("baseUrl", "Base URL", { type: "url", placeholder: "https://api.twilio.com" })}
            <div className="grid gap-4 sm:grid-cols-2">
              {text("upstreamAccountSid", "Upstream Account SID", { placeholder: "AC…", maxLength: 34 })}
              <TextField
                label="Auth token"
                name="authToken"
                type="password"
                autoComplete="new-password"
                maxLength={128}
                error={err("authToken") ?? credentialsError ?? undefined}
                hint={secretHint}
              />
            </div>
          </>
        )}
      </Section>

      {type === "smpp" ? (
        <>
          <Section title="Binds and throughput">
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField
                label="Bind mode"
                name="bindMode"
                defaultValue={values.bindMode}
                error={err("bindMode")}
                options={[
                  { value: "transceiver", label: "Transceiver" },
                  { value: "transmitter_receiver", label: "Transmitter + receiver" },
                ]}
              />
              {text("binds", "Binds", { inputMode: "numeric", hint: "Sessions held open (pairs in transmitter + receiver mode)." })}
              {text("windowSize", "Window size", { inputMode: "numeric", hint: "Submits in flight per bind." })}
              {text("throughput", "Throughput (submits/s per bind)", { inputMode: "numeric" })}
              {text("enquireLinkInterval", "Enquire link interval (seconds)", { inputMode: "numeric" })}
              <SelectField
                label="Concatenation"
                name="concatenation"
                defaultValue={values.concatenation}
                error={err("concatenation")}
                options={[
                  { value: "udh8", label: "UDH, 8-bit reference" },
                  { value: "udh16", label: "UDH, 16-bit reference" },
                  { value: "message_payload", label: "message_payload (one PDU)" },
                ]}
              />
            </div>
            <Toggle label="Registered delivery" name="registeredDelivery" defaultChecked={switches.registeredDelivery} description="Ask the SMSC for delivery reports." />
          </Section>
          <Section title="Addressing (TON / NPI)">
            <p className="text-xs text-slate-500">Source address per sender type, and the destination&apos;s. Defaults: alphanumeric 5/0, short code 3/0, international numbers 1/1.</p>
            <div className="grid gap-4 sm:grid-cols-4">{ADDRESSING.map(([name, label]) => <div key={name}>{text(name, label, { inputMode: "numeric" })}</div>)}</div>
          </Section>
        </>
      ) : null}

      <Section title="Use">
        <Toggle label="Account default" name="isDefault" defaultChecked={switches.isDefault} description="Senders without a carrier of their own and without a matching prefix route use it." />
        <Toggle label="Enabled" name="enabled" defaultChecked={switches.enabled} description="A disabled carrier holds no binds and sends nothing." />
      </Section>

      <Button type="submit" pending={pending}>
        {editing ? "Save carrier" : "Create carrier"}
      </Button>
    </form>
  );
}

/** The edit form, with the live state's credentials error (if any) at the password / token field. */
export function EditCarrierForm({ initial, values, switches }: { initial: CarrierJson; values: Values; switches: Switches }) {
  const live = useCarrier(initial).data;
  const credentialsError = live.state === "error" && isCredentialsError(live.last_error) ? `The carrier refused these credentials: ${live.last_error}` : null;
  return <CarrierForm sid={initial.sid} values={values} switches={switches} credentialsError={credentialsError} />;
}
