"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { TextField, Toggle } from "@/components/ui/field";
import { updateDomainConfigAction } from "@/lib/server/actions/link-actions";

export interface DomainConfigValues {
  sid: string;
  fallbackUrl: string;
  callbackUrl: string;
  continueOnFailure: boolean;
  disableHttps: boolean;
}

export function DomainConfigForm({ config: c }: { config: DomainConfigValues }) {
  return (
    <ActionForm action={updateDomainConfigAction} label="Domain configuration">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="sid" value={c.sid} />
            <TextField
              label="Fallback URL"
              name="fallbackUrl"
              type="url"
              defaultValue={c.fallbackUrl}
              error={e.fallbackUrl}
              hint="Where a short link goes once it is older than 90 days."
            />
            <TextField
              label="Click callback URL"
              name="callbackUrl"
              type="url"
              defaultValue={c.callbackUrl}
              error={e.callbackUrl}
              hint="Each click is POSTed here (signed with X-Twilio-Signature)."
            />
            <Toggle
              label="Continue on failure"
              name="continueOnFailure"
              defaultChecked={c.continueOnFailure}
              description="If shortening fails (not the rate limit), send the message with its original links instead of failing it."
            />
            <Toggle label="Leave out https://" name="disableHttps" defaultChecked={c.disableHttps} description="Short links read domain/slug instead of https://domain/slug." />
            <Button type="submit" pending={pending}>
              Save configuration
            </Button>
          </>
        );
      }}
    </ActionForm>
  );
}
