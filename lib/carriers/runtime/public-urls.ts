/** Where upstreams post back to this installation (PUBLIC_BASE_URL, as the console's own URLs). */
export function publicBaseUrl(): string {
  return (process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}

export const statusCallbackPath = (carrierSid: string) => `/carriers/${carrierSid}/StatusCallback`;
export const inboundPath = (carrierSid: string) => `/carriers/${carrierSid}/Inbound`;
