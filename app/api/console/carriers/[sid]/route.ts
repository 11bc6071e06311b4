import { consoleHandler } from "@/lib/server/api/console-handler";
import { carrierResource } from "@/lib/server/api/resources/carrier";
import { getCarrierWithLive } from "@/lib/server/services/carriers/carrier-queries";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ sid: string }> };

/** One carrier with live state for its detail page (polled); another account's is a 404. */
export const GET = consoleHandler<Ctx>(async (_req, viewer, { params }) => Response.json(carrierResource(await getCarrierWithLive(viewer.accountSid, (await params).sid))));
