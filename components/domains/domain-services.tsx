"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { associateServiceAction, disassociateServiceAction } from "@/lib/server/actions/link-actions";

interface Svc {
  sid: string;
  friendlyName: string;
}

/** The services using this domain (remove each) and a form to add one that has no domain yet. */
export function DomainServices({ domainSid, using, available }: { domainSid: string; using: Svc[]; available: Svc[] }) {
  return (
    <div className="space-y-4">
      {using.length === 0 ? (
        <EmptyState title="No Messaging Service uses this domain yet" />
      ) : (
        <ul aria-label="Messaging Services using this domain" className="divide-y divide-slate-100">
          {using.map((s) => (
            <li key={s.sid} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>
                <a href={`/services/${s.sid}/links`} className="font-medium text-indigo-700 hover:underline">
                  {s.friendlyName}
                </a>{" "}
                <span className="font-mono text-xs text-slate-500">{s.sid}</span>
              </span>
              <ActionForm action={disassociateServiceAction} label={`Remove ${s.friendlyName}`}>
                {(_state, pending) => (
                  <>
                    <input type="hidden" name="domainSid" value={domainSid} />
                    <input type="hidden" name="serviceSid" value={s.sid} />
                    <Button type="submit" variant="secondary" pending={pending} aria-label={`Remove ${s.friendlyName}`}>
                      Remove
                    </Button>
                  </>
                )}
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      {available.length ? (
        <ActionForm action={associateServiceAction} label="Use this domain for a Messaging Service" className="flex flex-wrap items-end gap-3">
          {(state, pending) => (
            <>
              <input type="hidden" name="domainSid" value={domainSid} />
              <div className="min-w-64 flex-1">
                <SelectField
                  label="Messaging Service"
                  name="serviceSid"
                  options={available.map((s) => ({ value: s.sid, label: s.friendlyName }))}
                  error={state.fieldErrors?.serviceSid}
                  hint="Only services without a link shortening domain are listed: a service has at most one."
                />
              </div>
              <Button type="submit" pending={pending}>
                Add service
              </Button>
            </>
          )}
        </ActionForm>
      ) : null}
    </div>
  );
}
