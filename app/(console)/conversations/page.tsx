import { requireViewerPage } from "@/lib/server/auth/session";
import { listConversations } from "@/lib/server/services/conversations/conversation-queries";
import { Card, PageHeader } from "@/components/ui/card";
import { ConversationInbox } from "@/components/conversations/conversation-inbox";
import { inboxJson } from "@/components/conversations/conversation-json";

export default async function ConversationsPage() {
  const viewer = await requireViewerPage();
  const conversations = inboxJson(await listConversations(viewer.accountSid));
  return (
    <>
      <PageHeader title="Conversations" description="Threads autocreated from incoming messages, newest activity first. The list refreshes by itself." />
      <Card>
        <ConversationInbox initial={conversations} />
      </Card>
    </>
  );
}
