import { consoleHandler } from "@/lib/server/api/console-handler";
import { loadScalingSnapshot } from "@/lib/server/services/scaling/load-scaling-snapshot";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ sid: string }> };

/** The Scaling tab's live numbers (polled, docs/scaling.md); another account's service is a 404. */
export const GET = consoleHandler<Ctx>(async (_req, viewer, { params }) => Response.json(await loadScalingSnapshot(viewer.accountSid, (await params).sid), { headers: { "cache-control": "no-store" } }));
