import { poolItemRoutes } from "@/lib/server/api/pool-collection";
import { channelSenderResource } from "@/lib/server/api/resources/channel-sender";

/** DELETE: the sender goes back to the account's inventory (it is not deleted). */
export const { GET, DELETE } = poolItemRoutes("channel", channelSenderResource);
