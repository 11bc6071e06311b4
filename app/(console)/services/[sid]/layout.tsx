import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireViewerPage } from "@/lib/server/auth/session";
import { findServiceName } from "@/lib/server/services/messaging-services/service-names";
import { ServiceTabs } from "@/components/services/service-tabs";
import { CopyableText } from "@/components/ui/copy-button";

export default async function ServiceLayout({ children, params }: { children: ReactNode; params: Promise<{ sid: string }> }) {
  const viewer = await requireViewerPage();
  const { sid } = await params;
  const service = await findServiceName(viewer.accountSid, sid);
  if (!service) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <a href="/services" className="hover:underline">
          Messaging Services
        </a>{" "}
        / <span className="text-slate-700">{service.friendlyName}</span>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{service.friendlyName}</h1>
      <p className="mb-4 text-slate-500">
        <CopyableText value={service.sid} label="service SID" />
      </p>
      <ServiceTabs sid={service.sid} />
      <div className="mt-6 space-y-6">{children}</div>
    </>
  );
}
