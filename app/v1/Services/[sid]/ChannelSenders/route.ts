import { poolCollectionRoutes } from "@/lib/server/api/pool-collection";
import { ADD_CHANNEL_SENDER_PARAMS, channelSenderResource } from "@/lib/server/api/resources/channel-sender";
import { addChannelSenderToService } from "@/lib/server/services/sender-pool/add-channel-sender-to-service";
import { listServiceChannelSenders } from "@/lib/server/services/sender-pool/pool-queries";
import { addChannelSenderSidSchema } from "@/lib/server/services/sender-pool/sender-pool-schema";

export const { GET, POST } = poolCollectionRoutes({
  // Twilio's meta key for this list is `senders`, not `channel_senders`.
  key: "senders",
  path: "ChannelSenders",
  list: listServiceChannelSenders,
  toResource: channelSenderResource,
  params: ADD_CHANNEL_SENDER_PARAMS,
  schema: addChannelSenderSidSchema,
  add: (accountSid, serviceSid, input) => addChannelSenderToService(accountSid, serviceSid, input.channelSenderSid),
});
