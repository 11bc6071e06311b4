import { requireViewerPage } from "@/lib/server/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { NotAvailableYet } from "@/components/ui/not-available";

export default async function LinkShorteningDomainsPage() {
  await requireViewerPage();
  return (
    <>
      <PageHeader title="Link Shortening Domains" />
      <Card>
        <NotAvailableYet what="Link Shortening Domains" />
      </Card>
    </>
  );
}
