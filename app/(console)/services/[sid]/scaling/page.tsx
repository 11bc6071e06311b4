import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { loadScalingSnapshot } from "@/lib/server/services/scaling/load-scaling-snapshot";
import { ScalingPanel } from "@/components/scaling/scaling-panel";

export default async function ScalingPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, service } = await loadServiceForPage((await params).sid);
  const snapshot = await loadScalingSnapshot(viewer.accountSid, service.sid);
  return <ScalingPanel serviceSid={service.sid} initial={snapshot} />;
}
