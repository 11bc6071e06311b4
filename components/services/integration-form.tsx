"use client";

import { useCallback, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, Toggle } from "@/components/ui/field";
import { updateIntegrationAction } from "@/lib/server/actions/integration-actions";
import type { ActionState } from "@/lib/server/actions/action-state";

const methods = [
  { value: "POST", label: "HTTP POST" },
  { value: "GET", label: "HTTP GET" },
];

const modes = [
  { value: "defer", label: "Defer to sender's webhook" },
  { value: "webhook", label: "Send a webhook" },
  { value: "conversation", label: "Autocreate a Conversation" },
];

const modeHelp: Record<string, string> = {
  defer: "Each sender's own webhook (a phone number's SMS URL) receives its incoming messages; senders without one only store them.",
  webhook: "Incoming messages to any sender in this service are sent to the request URL; the fallback URL is called when it fails.",
  conversation: "Each person who texts a sender of this service gets a thread in Conversations, where you can reply.",
};

export interface IntegrationValues {
  sid: string;
  incomingHandling: string;
  inboundRequestUrl: string;
  inboundMethod: string;
  fallbackUrl: string;
  fallbackMethod: string;
  statusCallback: string;
  validityPeriod: number;
  useInboundWebhookOnNumber: boolean;
}

export function IntegrationForm({ service: s }: { service: IntegrationValues }) {
  const [mode, setMode] = useState(s.incomingHandling);
  // What was last submitted: React resets an action form after it answers, so
  // rejected input would vanish; the fields start from it instead.
  const [sent, setSent] = useState<FormData | null>(null);
  const action = useCallback(async (prev: ActionState, form: FormData) => {
    setSent(form);
    return updateIntegrationAction(prev, form);
  }, []);
  const value = (name: keyof IntegrationValues) => {
    const v = sent?.get(name);
    return typeof v === "string" ? v : String(s[name]);
  };
  return (
    <ActionForm action={action} label="Integration settings">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        // After a successful save the page re-renders with the stored values.
        const v = (name: keyof IntegrationValues) => (state.ok ? String(s[name]) : value(name));
        return (
          <>
            <input type="hidden" name="sid" value={s.sid} />
            <fieldset className="space-y-4">
              <legend className="text-sm font-semibold text-slate-900">When a message arrives</legend>
              <SelectField
                label="Incoming messages"
                name="incomingHandling"
                // Uncontrolled and remounted per answer: React resets the form after an action,
                // and a reset select must come back to the mode shown, not to its first option.
                key={`mode-${state.at}`}
                defaultValue={mode}
                onChange={(ev) => setMode(ev.target.value)}
                error={e.incomingHandling}
                options={modes}
                hint={modeHelp[mode]}
              />
              {mode === "webhook" ? (
                <>
                  <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
                    <TextField key={`u-${state.at}`} label="Request URL" name="inboundRequestUrl" type="url" placeholder="https://example.com/sms" defaultValue={v("inboundRequestUrl")} error={e.inboundRequestUrl} />
                    <SelectField key={`m-${state.at}`} label="Request method" name="inboundMethod" defaultValue={v("inboundMethod")} options={methods} error={e.inboundMethod} />
                    <TextField
                      key={`f-${state.at}`}
                      label="Fallback URL"
                      name="fallbackUrl"
                      type="url"
                      placeholder="Optional"
                      defaultValue={v("fallbackUrl")}
                      error={e.fallbackUrl}
                      hint="Called once when the request URL answers an error or cannot be reached."
                    />
                    <SelectField key={`fm-${state.at}`} label="Fallback method" name="fallbackMethod" defaultValue={v("fallbackMethod")} options={methods} error={e.fallbackMethod} />
                  </div>
                  <Toggle
                    key={`n-${state.at}`}
                    label="Use the number's own inbound webhook"
                    name="useInboundWebhookOnNumber"
                    defaultChecked={state.ok || !sent ? s.useInboundWebhookOnNumber : sent.getAll("useInboundWebhookOnNumber").at(-1) === "true"}
                    description="A number with its own SMS URL overrides the request and fallback URLs above."
                  />
                </>
              ) : null}
            </fieldset>
            <fieldset className="space-y-4 border-t border-slate-100 pt-4">
              <legend className="sr-only">Outgoing messages</legend>
              <TextField
                key={`s-${state.at}`}
                label="Status callback URL"
                name="statusCallback"
                type="url"
                placeholder="Optional"
                defaultValue={v("statusCallback")}
                error={e.statusCallback}
                hint="Each status change of every outgoing message is POSTed here (a message's own StatusCallback wins)."
              />
              <TextField
                key={`v-${state.at}`}
                label="Validity period (seconds)"
                name="validityPeriod"
                type="number"
                min={1}
                max={36000}
                defaultValue={v("validityPeriod")}
                error={e.validityPeriod}
                hint="1 to 36,000. A message not handed to the carrier in time fails with error 30036."
              />
            </fieldset>
            <Button type="submit" pending={pending}>
              Save
            </Button>
          </>
        );
      }}
    </ActionForm>
  );
}
