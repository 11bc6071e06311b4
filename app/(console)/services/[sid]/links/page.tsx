import { loadServiceForPage } from "@/lib/server/auth/page-loaders";
import { Card } from "@/components/ui/card";
import { NotAvailableYet } from "@/components/ui/not-available";

export default async function LinkShorteningPage({ params }: { params: Promise<{ sid: string }> }) {
  await loadServiceForPage((await params).sid);
  return (
    <Card title="Link Shortening">
      <NotAvailableYet what="Link Shortening" />
    </Card>
  );
}
