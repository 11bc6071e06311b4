"use client";

import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { createApiKeyAction } from "@/lib/server/actions/settings-actions";

export function CreateApiKeyForm() {
  const [created, setCreated] = useState<{ sid: string; secret: string } | null>(null);
  return (
    <div className="space-y-4">
      <ActionForm
        action={createApiKeyAction}
        label="Create API key"
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
          <p className="mt-2">
            SID: <span className="font-mono" aria-label="New key SID">{created.sid}</span>
          </p>
          <p>
            Secret: <span className="font-mono" aria-label="New key secret">{created.secret}</span>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
