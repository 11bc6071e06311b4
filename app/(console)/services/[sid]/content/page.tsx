import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { Card } from "@/components/ui/card";
import { ContentForm } from "@/components/services/content-form";

export default async function ContentSettingsPage({ params }: { params: Promise<{ sid: string }> }) {
  const { service: s } = await loadServiceForPage((await params).sid);
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
