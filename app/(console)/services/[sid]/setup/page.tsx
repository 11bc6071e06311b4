import { redirect } from "next/navigation";
import { firstOpenStep } from "@/lib/core/setup/setup-steps";
import { loadServiceForPage } from "@/lib/server/loaders/page-loaders";
import { loadSetupProgress } from "@/lib/server/services/setup/load-setup-progress";

/** "Continue setup": the first step still to do, or the test send when none is (docs/console.md "Guided setup"). */
export default async function SetupIndexPage({ params }: { params: Promise<{ sid: string }> }) {
  const { viewer, service } = await loadServiceForPage((await params).sid);
  const { states } = await loadSetupProgress(viewer.accountSid, service.sid);
  redirect(`/services/${service.sid}/setup/${firstOpenStep(states)}`);
}
