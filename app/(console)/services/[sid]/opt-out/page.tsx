import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { findUserEmail } from "@/lib/server/services/accounts/user-email";
import { getOptOutSettings } from "@/lib/server/services/opt-out/opt-out-settings";
import { Badge, Card } from "@/components/ui/card";
import { KeywordPreviewForm } from "@/components/opt-out/keyword-preview";
import { OptOutNav } from "@/components/opt-out/opt-out-nav";
import { OptOutSettingsForm } from "@/components/opt-out/opt-out-settings-form";

export default async function OptOutManagementPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, service } = await loadServiceForPage((await params).sid);
  const settings = await getOptOutSettings(viewer.accountSid, service.sid);
  const editor = settings.updatedBy ? await findUserEmail(viewer.accountSid, settings.updatedBy) : null;
  return (
    <>
      <OptOutNav sid={service.sid} current="keywords" />
      <Card
        title="Advanced Opt-Out"
        description="Keywords recipients text to opt out, opt back in or ask for help, and the replies they get. Matching is on the whole message, case-insensitive."
        actions={<Badge tone={settings.config.advancedOptOut ? "green" : "slate"}>{settings.config.advancedOptOut ? "On" : "Off (defaults apply)"}</Badge>}
      >
        {settings.updatedAt ? (
          <p className="mb-4 text-xs text-slate-500">
            Last saved {settings.updatedAt.toISOString().replace("T", " ").slice(0, 19)} UTC{editor ? ` by ${editor}` : ""}.
          </p>
        ) : null}
        <OptOutSettingsForm key={settings.updatedAt?.toISOString() ?? "defaults"} serviceSid={service.sid} config={settings.config} />
      </Card>
      <Card title="Preview" description="What happens when a number texts a message to this service, with the saved settings. Nothing is sent or changed.">
        <KeywordPreviewForm serviceSid={service.sid} />
      </Card>
    </>
  );
}
