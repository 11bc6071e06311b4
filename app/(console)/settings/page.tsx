import Link from "next/link";
import { requireViewerPage } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { listApiKeys } from "@/lib/server/services/api-keys/api-keys";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { DeleteApiKeyButton } from "@/components/settings/delete-api-key-button";
import { MessageRetentionForm } from "@/components/settings/message-retention-form";
import { RevealSecret } from "@/components/settings/reveal-secret";
import { revealAuthTokenAction } from "@/lib/server/actions/settings-actions";

export default async function SettingsPage() {
  const viewer = await requireViewerPage();
  const [account, keys, users] = await Promise.all([
    db.account.findUniqueOrThrow({ where: { sid: viewer.accountSid } }),
    listApiKeys(viewer.accountSid),
    db.user.findMany({ where: { accountSid: viewer.accountSid }, orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true, createdAt: true } }),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Account credentials, API keys, message retention and users."
        actions={
          <Link href="/audit" className={buttonClass("secondary")}>
            Audit log
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Account credentials" description="Use these as the username and password of HTTP Basic auth, or with the twilio client.">
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Account SID</dt>
              <dd className="font-mono text-xs">{account.sid}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Auth token</dt>
              <dd>
                <RevealSecret label="auth token" reveal={revealAuthTokenAction} />
              </dd>
            </div>
          </dl>
        </Card>
        <Card title="API keys" description="A key SID (SK…) and its secret authenticate like the account SID and auth token.">
          <CreateApiKeyForm />
          <div className="mt-6">
            {keys.length === 0 ? (
              <EmptyState title="No API keys yet" />
            ) : (
              <Table label="API keys" head={["Name", "SID", "Created", ""]}>
                {keys.map((k) => (
                  <tr key={k.sid}>
                    <Td>{k.friendlyName}</Td>
                    <Td mono>{k.sid}</Td>
                    <Td>{k.createdAt.toISOString().slice(0, 10)}</Td>
                    <Td>
                      <DeleteApiKeyButton sid={k.sid} name={k.friendlyName} />
                    </Td>
                  </tr>
                ))}
              </Table>
            )}
          </div>
        </Card>
        <Card title="Message retention" description="How long message logs (messages, their status history and callbacks) are kept. Messages still being sent are never deleted.">
          <MessageRetentionForm days={account.messageRetentionDays} />
        </Card>
        <Card title="Users">
          <Table label="Users" head={["Name", "Email", "Since"]}>
            {users.map((u) => (
              <tr key={u.id}>
                <Td>{u.name}</Td>
                <Td>{u.email}</Td>
                <Td>{u.createdAt.toISOString().slice(0, 10)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </>
  );
}
