import Link from "next/link";
import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { listRecentInbound } from "@/lib/server/services/inbound/list-recent-inbound";
import { Card } from "@/components/ui/card";
import { IntegrationForm } from "@/components/services/integration-form";
import { integrationValues } from "@/components/services/integration-values";
import { RecentInboundTable } from "./recent-inbound";

export default async function IntegrationPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, service: s } = await loadServiceForPage((await params).sid);
  const recent = await listRecentInbound(viewer.accountSid, s.sid);
  return (
    <div className="space-y-6">
      <Card title="Integration" description="Where incoming messages and delivery status go, and how long outgoing messages may wait.">
        <IntegrationForm service={integrationValues(s)} />
      </Card>
      <Card
        title="Latest received messages"
        description="The latest messages to this service's senders and what became of each: the webhook's answer, the fallback, the conversation, or why nothing was sent."
        actions={
          s.incomingHandling === "conversation" ? (
            <Link href="/conversations" className="text-sm text-indigo-700 hover:underline">
              Open Conversations
            </Link>
          ) : undefined
        }
      >
        <RecentInboundTable rows={recent} />
      </Card>
    </div>
  );
}
