import { consoleHandler } from "@/lib/server/api/console-handler";
import { carrierResource } from "@/lib/server/api/resources/carrier";
import { listCarriers } from "@/lib/server/services/carriers/carrier-queries";

export const dynamic = "force-dynamic";

/** The Carriers page's list with live state (TanStack Query polls it every 2 s); the same JSON as GET /v1/Carriers. */
export const GET = consoleHandler(async (_req, viewer) => Response.json({ carriers: (await listCarriers(viewer.accountSid)).items.map(carrierResource) }));
