import { poolItemRoutes } from "@/lib/server/api/pool-collection";
import { serviceShortCodeResource } from "@/lib/server/api/resources/short-code";

export const { GET, DELETE } = poolItemRoutes("short_code", serviceShortCodeResource);
