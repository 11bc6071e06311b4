import Link from "next/link";
import { loadConversationForPage } from "@/lib/server/loaders/page-loaders";
import { markConversationRead } from "@/lib/server/services/conversations/conversation-queries";
import { Card, PageHeader } from "@/components/ui/card";
import { ConversationThread } from "@/components/conversations/conversation-thread";
import { threadJson } from "@/components/conversations/conversation-json";

export default async function ConversationPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, thread } = await loadConversationForPage((await params).sid);
  const c = thread.conversation;
  if (c.unreadCount > 0) await markConversationRead(viewer.accountSid, c.sid);
  return (
    <>
      <PageHeader
        title={c.participantAddress}
        description={
          <>
            {c.serviceName} · {c.senderAddress} · <span className="font-mono">{c.sid}</span>
          </>
        }
        actions={
          <Link href="/conversations" className="text-sm text-indigo-700 hover:underline">
            All conversations
          </Link>
        }
      />
      <Card>
        <ConversationThread initial={threadJson({ ...thread, conversation: { ...c, unreadCount: 0 } })} />
      </Card>
    </>
  );
}
