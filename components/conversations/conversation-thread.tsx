"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { StatusBadge } from "@/components/logs/status-badge";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { replyToConversationAction } from "@/lib/server/actions/conversation-actions";
import type { ThreadJson } from "./conversation-json";
import { when } from "./conversation-inbox";

async function fetchThread(sid: string): Promise<ThreadJson> {
  const res = await fetch(`/api/console/conversations/${sid}`, { cache: "no-store" });
  if (!res.ok) throw new Error("Could not load this conversation");
  return (await res.json()) as ThreadJson;
}

/** A thread, oldest first, refreshed every 2 s (new messages and delivery statuses), with the reply box under it. */
export function ConversationThread({ initial }: { initial: ThreadJson }) {
  const sid = initial.conversation.sid;
  const client = useQueryClient();
  const thread = useQuery({ queryKey: ["conversation", sid], queryFn: () => fetchThread(sid), initialData: initial, refetchInterval: 2_000 });
  const end = useRef<HTMLLIElement>(null);
  const count = thread.data.messages.length;
  // Block body: scrollIntoView returns a Promise in current Chromium, and an effect may only return a cleanup function.
  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [count]);
  const c = thread.data.conversation;
  return (
    <div className="space-y-4">
      {thread.isError ? <Alert tone="error">{thread.error.message}</Alert> : null}
      <ol aria-label="Messages" className="max-h-[60vh] space-y-3 overflow-y-auto rounded-md bg-slate-50 p-4">
        {thread.data.messages.map((m) => {
          const inbound = m.direction === "inbound";
          return (
            <li key={m.sid} aria-label={`${inbound ? "Received" : "Sent"} message`} className={`flex ${inbound ? "justify-start" : "justify-end"}`}>
              <div className={`max-w-[75%] rounded-lg px-3 py-2 text-sm shadow-sm ${inbound ? "bg-white text-slate-800 ring-1 ring-slate-200" : "bg-indigo-600 text-white"}`}>
                {m.body ? <p className="whitespace-pre-wrap break-words">{m.body}</p> : null}
                {m.mediaUrls.map((u) => (
                  <a key={u} href={u} target="_blank" rel="noreferrer" className="block truncate underline">
                    {u}
                  </a>
                ))}
                <p className={`mt-1 flex items-center gap-2 text-[11px] ${inbound ? "text-slate-400" : "text-indigo-100"}`}>
                  <time dateTime={m.createdAt}>{when(m.createdAt)}</time>
                  {inbound ? null : <StatusBadge status={m.status} />}
                  {m.errorCode ? <span>error {m.errorCode}</span> : null}
                </p>
              </div>
            </li>
          );
        })}
        <li ref={end} aria-hidden className="h-0" />
      </ol>
      <ActionForm action={replyToConversationAction} label="Reply" resetOnSuccess onSuccess={() => void client.invalidateQueries({ queryKey: ["conversation", sid] })}>
        {(state, pending) => {
          const error = state.fieldErrors?.body?.[0];
          return (
            <>
              <input type="hidden" name="sid" value={sid} />
              <div className="space-y-1">
                <label htmlFor="reply-body" className="block text-sm font-medium text-slate-700">
                  Reply to {c.participantAddress}
                </label>
                <textarea
                  id="reply-body"
                  name="body"
                  rows={3}
                  maxLength={1600}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? "reply-body-error" : "reply-body-hint"}
                  className="block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500"
                />
                {error ? (
                  <p id="reply-body-error" role="alert" className="text-xs text-red-600">
                    {error}
                  </p>
                ) : (
                  <p id="reply-body-hint" className="text-xs text-slate-500">
                    Sent through {c.serviceName} from {c.senderAddress}.
                  </p>
                )}
              </div>
              <Button type="submit" pending={pending}>
                Send reply
              </Button>
            </>
          );
        }}
      </ActionForm>
    </div>
  );
}
