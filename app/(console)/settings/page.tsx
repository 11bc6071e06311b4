import Link from "next/link";
import { can } from "@/lib/core/auth/roles";
import { requireViewerPage } from "@/lib/server/auth/session";
import { loadAccountSettings } from "@/lib/server/services/accounts/account-settings";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { CopyableText } from "@/components/ui/copy-button";
import { AuthTokenPanel } from "@/components/settings/auth-token-panel";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { DeleteApiKeyButton } from "@/components/settings/delete-api-key-button";
import { MessageRetentionForm } from "@/components/settings/message-retention-form";

export default async function SettingsPage() {
  const viewer = await requireViewerPage();
  const { account, keys, tokens } = await loadAccountSettings(viewer.accountSid);
  const manageKeys = can(viewer.role, "apiKeys.manage");
  return (
    <>
      <PageHeader
        title="Settings"
        description="Account credentials, API keys and message retention."
        actions={
          <Link href="/audit" className={buttonClass("secondary")}>
            Audit log
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Account credentials" description="Use these as the username and password of HTTP Basic auth, or with the twilio client.">
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div className="min-w-0">
              <dt className="text-slate-500">Account SID</dt>
              <dd>
                <CopyableText value={account.sid} label="Account SID" />
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="sr-only">Auth tokens</dt>
              <dd>
                {can(viewer.role, "credentials.manage") ? (
                  <AuthTokenPanel secondaryCreatedAt={tokens.secondaryCreatedAt?.toISOString() ?? null} />
                ) : (
                  <p className="text-slate-500">Only owners can see and rotate the auth token.</p>
                )}
              </dd>
            </div>
          </dl>
        </Card>
        <Card title="API keys" description="A key SID (SK…) and its secret authenticate like the account SID and auth token.">
          {manageKeys ? <CreateApiKeyForm /> : null}
          <div className={manageKeys ? "mt-6" : undefined}>
            {keys.length === 0 ? (
              <EmptyState title="No API keys yet" />
            ) : (
              <Table label="API keys" head={["Name", "SID", "Created", ""]}>
                {keys.map((k) => (
                  <tr key={k.sid}>
                    <Td>{k.friendlyName}</Td>
                    <Td>
                      <CopyableText value={k.sid} label={`SID of ${k.friendlyName}`} />
                    </Td>
                    <Td>{k.createdAt.toISOString().slice(0, 10)}</Td>
                    <Td>{manageKeys ? <DeleteApiKeyButton sid={k.sid} name={k.friendlyName} /> : null}</Td>
                  </tr>
                ))}
              </Table>
            )}
          </div>
        </Card>
        <Card title="Message retention" description="How long message logs (messages, their status history and callbacks) are kept. Messages still being sent are never deleted.">
          <MessageRetentionForm days={account.messageRetentionDays} />
        </Card>
      </div>
    </>
  );
}
