"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { uploadCertificateAction } from "@/lib/server/actions/link-actions";

const textarea =
  "block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500";

export function CertificateForm({ sid, replacing }: { sid: string; replacing: boolean }) {
  return (
    <ActionForm action={uploadCertificateAction} label="Upload certificate" resetOnSuccess>
      {(state, pending) => {
        const error = state.fieldErrors?.tlsCert?.[0];
        return (
          <>
            <input type="hidden" name="sid" value={sid} />
            <div className="space-y-1">
              <label htmlFor="tlsCert" className="block text-sm font-medium text-slate-700">
                Certificate and private key (PEM)
              </label>
              <textarea
                id="tlsCert"
                name="tlsCert"
                rows={8}
                className={textarea}
                placeholder={"-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n…"}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "tlsCert-error" : "tlsCert-hint"}
              />
              {error ? (
                <p id="tlsCert-error" role="alert" className="text-xs text-red-600">
                  {error}
                </p>
              ) : (
                <p id="tlsCert-hint" className="text-xs text-slate-500">
                  The certificate (with its chain) followed by its unencrypted private key. It must be valid now and name this domain (SAN or CN; a
                  wildcard covers one label). The key is stored encrypted.
                  {replacing ? " The current certificate keeps serving until the new one has been validated." : ""}
                </p>
              )}
            </div>
            <Button type="submit" pending={pending}>
              {replacing ? "Replace certificate" : "Upload certificate"}
            </Button>
          </>
        );
      }}
    </ActionForm>
  );
}
