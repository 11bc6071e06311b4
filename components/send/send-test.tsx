"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { sendTestAction } from "@/lib/server/actions/send-test-actions";
import { EncodingPreview } from "./encoding-preview";
import { MessageWatch } from "./message-watch";
import { SimulateReply } from "./simulate-reply";

const textarea =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500";

export function SendTest({ services }: { services: { sid: string; friendlyName: string; smartEncoding: boolean }[] }) {
  const [serviceSid, setServiceSid] = useState(services[0]?.sid ?? "");
  const [body, setBody] = useState("");
  const [to, setTo] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  // The last send's refusal; the Delivery panel shows it instead of the previous message.
  const [failure, setFailure] = useState<string | null>(null);
  // A send is on its way: the Delivery panel has already let go of the previous message.
  const [sending, setSending] = useState(false);
  const service = services.find((s) => s.sid === serviceSid);

  if (services.length === 0) {
    return (
      <Card>
        <EmptyState title="No Messaging Services yet">
          <Link href="/services/new" className="text-indigo-700 hover:underline">
            Create a service
          </Link>{" "}
          and add senders to its pool first.
        </EmptyState>
      </Card>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Message">
        {/* Captured before the form's own submit: each send starts from an empty Delivery panel. */}
        <div
          onSubmitCapture={() => {
            setSent(null);
            setFailure(null);
            setSending(true);
          }}
        >
          <ActionForm
            action={sendTestAction}
            label="Send test message"
            onSuccess={(s) => {
              setSending(false);
              setFailure(null);
              setSent(String(s.data?.sid ?? ""));
            }}
            onError={(s) => {
              setSending(false);
              setSent(null);
              setFailure(s.message ?? "The message was not sent.");
            }}
          >
            {(state, pending) => {
              const e = state.fieldErrors ?? {};
              return (
                <>
                  <SelectField
                    label="Messaging Service"
                    name="messagingServiceSid"
                    value={serviceSid}
                    onChange={(ev) => setServiceSid(ev.target.value)}
                    options={services.map((s) => ({ value: s.sid, label: s.friendlyName }))}
                    error={e.messagingServiceSid}
                  />
                  <TextField label="To" name="to" placeholder="+14155551234" value={to} onChange={(ev) => setTo(ev.target.value)} error={e.to} />
                  <TextField label="From (optional)" name="from" placeholder="Leave empty to let the pool choose" error={e.from} />
                  <div className="space-y-1">
                    <label htmlFor="body" className="block text-sm font-medium text-slate-700">
                      Body
                    </label>
                    <textarea
                      id="body"
                      name="body"
                      rows={4}
                      className={textarea}
                      value={body}
                      onChange={(ev) => setBody(ev.target.value)}
                      aria-invalid={e.body ? true : undefined}
                      aria-describedby={e.body ? "body-error" : undefined}
                    />
                    {e.body ? (
                      <p id="body-error" role="alert" className="text-xs text-red-600">
                        {e.body[0]}
                      </p>
                    ) : null}
                  </div>
                  <div className="space-y-1">
                    <label htmlFor="mediaUrls" className="block text-sm font-medium text-slate-700">
                      Media URLs (one per line)
                    </label>
                    <textarea id="mediaUrls" name="mediaUrls" rows={2} className={textarea} aria-invalid={e.mediaUrls ? true : undefined} />
                    {e.mediaUrls ? (
                      <p role="alert" className="text-xs text-red-600">
                        {e.mediaUrls[0]}
                      </p>
                    ) : null}
                  </div>
                  <label className="flex items-center gap-2 text-sm text-slate-700">
                    <input type="checkbox" name="shortenUrls" value="true" className="size-4 rounded border-slate-300" />
                    Shorten URLs (the service&apos;s link shortening domain; segments are counted after shortening)
                  </label>
                  <EncodingPreview body={body} smartEncoding={service?.smartEncoding ?? false} />
                  {/* A refusal that is about no one field (21703, say) is shown here, with its code. */}
                  {!state.ok && state.code !== undefined && state.message && !state.fieldErrors ? (
                    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
                      {state.message}
                    </p>
                  ) : null}
                  <Button type="submit" pending={pending}>
                    Send
                  </Button>
                </>
              );
            }}
          </ActionForm>
        </div>
      </Card>
      <div className="space-y-6">
        <Card title="Delivery" description="The chosen sender, the routing trace and each status as it arrives.">
          {sending ? (
            <p role="status" className="text-sm text-slate-500">
              Sending…
            </p>
          ) : sent ? (
            <MessageWatch key={sent} sid={sent} />
          ) : failure ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              Not sent. {failure}
            </p>
          ) : (
            <EmptyState title="Send a message to follow it here" />
          )}
        </Card>
        <Card title="Simulate reply" description="Inject an incoming message from the recipient, as the carrier would deliver it.">
          <SimulateReply defaultFrom={to} sentSid={sent} />
        </Card>
      </div>
    </div>
  );
}
