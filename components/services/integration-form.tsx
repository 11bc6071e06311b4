"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, Toggle } from "@/components/ui/field";
import { updateServiceAction } from "@/lib/server/actions/service-actions";

const methods = [
  { value: "POST", label: "HTTP POST" },
  { value: "GET", label: "HTTP GET" },
];

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
  return (
    <ActionForm action={updateServiceAction} label="Integration settings">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="sid" value={s.sid} />
            <SelectField
              label="Incoming messages"
              name="incomingHandling"
              defaultValue={s.incomingHandling}
              error={e.incomingHandling}
              options={[
                { value: "defer", label: "Defer to sender's webhook" },
                { value: "webhook", label: "Send a webhook" },
                { value: "conversation", label: "Autocreate a Conversation" },
              ]}
            />
            <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
              <TextField label="Request URL" name="inboundRequestUrl" type="url" placeholder="https://example.com/sms" defaultValue={s.inboundRequestUrl} error={e.inboundRequestUrl} />
              <SelectField label="Request method" name="inboundMethod" defaultValue={s.inboundMethod} options={methods} error={e.inboundMethod} />
              <TextField label="Fallback URL" name="fallbackUrl" type="url" defaultValue={s.fallbackUrl} error={e.fallbackUrl} />
              <SelectField label="Fallback method" name="fallbackMethod" defaultValue={s.fallbackMethod} options={methods} error={e.fallbackMethod} />
            </div>
            <Toggle
              label="Use the number's own inbound webhook"
              name="useInboundWebhookOnNumber"
              defaultChecked={s.useInboundWebhookOnNumber}
              description="A number with its own SMS URL overrides the request and fallback URLs above."
            />
            <TextField label="Status callback URL" name="statusCallback" type="url" defaultValue={s.statusCallback} error={e.statusCallback} hint="Delivery status of every outgoing message is POSTed here." />
            <TextField
              label="Validity period (seconds)"
              name="validityPeriod"
              type="number"
              min={1}
              max={36000}
              defaultValue={s.validityPeriod}
              error={e.validityPeriod}
              hint="1 to 36,000. A message not handed to the carrier in time fails with error 30036."
            />
            <Button type="submit" pending={pending}>
              Save
            </Button>
          </>
        );
      }}
    </ActionForm>
  );
}
