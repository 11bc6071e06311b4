import { publicBaseUrl as configuredBaseUrl } from "@/lib/server/config";

/** Where upstreams post back to this installation (PUBLIC_BASE_URL, as the console's own URLs). */
export function publicBaseUrl(): string {
  return configuredBaseUrl().replace(/\/+$/, "");
}

export const statusCallbackPath = (carrierSid: string) => `/carriers/${carrierSid}/StatusCallback`;
export const inboundPath = (carrierSid: string) => `/carriers/${carrierSid}/Inbound`;
