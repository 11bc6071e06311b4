import { requireViewerPage } from "@/lib/server/auth/session";
import { getService } from "@/lib/server/services/messaging-services/service-queries";
import { Card } from "@/components/ui/card";
import { ContentForm } from "@/components/services/content-form";

export default async function ContentSettingsPage({ params }: { params: Promise<{ sid: string }> }) {
  const viewer = await requireViewerPage();
  const s = await getService(viewer.accountSid, (await params).sid);
  return (
    <Card title="Content Settings">
      <ContentForm
        sid={s.sid}
        smartEncoding={s.smartEncoding}
        mmsConverter={s.mmsConverter}
        scanMessageContent={s.scanMessageContent}
        synchronousValidation={s.synchronousValidation}
      />
    </Card>
  );
}
