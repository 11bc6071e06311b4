"use client";

import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/field";
import { createApiKeyAction } from "@/lib/server/actions/settings-actions";

export function CreateApiKeyForm() {
  const [created, setCreated] = useState<{ sid: string; secret: string } | null>(null);
  return (
    <div className="space-y-4">
      <ActionForm
        action={createApiKeyAction}
        label="Create API key"
        permission="apiKeys.manage"
        resetOnSuccess
        className="flex flex-wrap items-end gap-3"
        onSuccess={(s) => setCreated({ sid: String(s.data?.sid ?? ""), secret: String(s.data?.secret ?? "") })}
      >
        {(state, pending) => (
          <>
            <div className="min-w-64 flex-1">
              <TextField label="Key name" name="friendlyName" maxLength={64} error={state.fieldErrors?.friendlyName} />
            </div>
            <Button type="submit" pending={pending}>
              Create API key
            </Button>
          </>
        )}
      </ActionForm>
      {created ? (
        <Alert tone="info">
          <p className="font-medium">Copy the secret now: it is not shown again.</p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            SID: <span className="break-all font-mono" aria-label="New key SID">{created.sid}</span>
            <CopyButton value={created.sid} label="new key SID" />
          </p>
          <p className="flex flex-wrap items-center gap-2">
            Secret: <span className="break-all font-mono" aria-label="New key secret">{created.secret}</span>
            <CopyButton value={created.secret} label="new key secret" />
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
