"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Alert, Badge, EmptyState } from "@/components/ui/card";
import type { InboxRow } from "./conversation-json";

export const when = (iso: string) => iso.replace("T", " ").slice(0, 19);

async function fetchInbox(): Promise<InboxRow[]> {
  const res = await fetch("/api/console/conversations", { cache: "no-store" });
  if (!res.ok) throw new Error("Could not load conversations");
  return ((await res.json()) as { conversations: InboxRow[] }).conversations;
}

/** The inbox, refreshed every 3 s so a new thread shows up without a reload. */
export function ConversationInbox({ initial }: { initial: InboxRow[] }) {
  const inbox = useQuery({ queryKey: ["conversations"], queryFn: fetchInbox, initialData: initial, refetchInterval: 3_000 });
  const rows = inbox.data;
  if (rows.length === 0) {
    return (
      <EmptyState title="No conversations yet">
        Set a Messaging Service&apos;s incoming messages to &ldquo;Autocreate a Conversation&rdquo; on its Integration page; each person who texts one of its senders gets a thread here.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      {inbox.isError ? <Alert tone="error">{inbox.error.message}</Alert> : null}
      <ul aria-label="Conversations" className="divide-y divide-slate-100">
        {rows.map((c) => (
          <li key={c.sid}>
            <Link
              href={`/conversations/${c.sid}`}
              aria-label={`Conversation with ${c.participantAddress}${c.unreadCount ? `, ${c.unreadCount} unread` : ""}`}
              className="flex items-start justify-between gap-4 rounded-md px-3 py-3 hover:bg-slate-50"
            >
              <div className="min-w-0">
                <p className={`font-mono text-sm ${c.unreadCount ? "font-semibold text-slate-900" : "text-slate-700"}`}>{c.participantAddress}</p>
                <p className="truncate text-sm text-slate-500">
                  {c.lastMessageDirection === "inbound" ? "" : "You: "}
                  {c.lastMessagePreview || "—"}
                </p>
                <p className="text-xs text-slate-400">
                  {c.serviceName} · to {c.senderAddress}
                </p>
              </div>
              <div className="flex shrink-0 flex-col items-end gap-1">
                <time dateTime={c.lastMessageAt} className="text-xs text-slate-500">
                  {when(c.lastMessageAt)}
                </time>
                {c.unreadCount ? <Badge tone="indigo">{c.unreadCount} unread</Badge> : null}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
