import type { CarrierSettings, TwilioUpstreamSettings } from "@/lib/carriers/carrier-settings";
import type { CarrierConnection } from "@/lib/carriers/connection";
import { createHttpUpstreamConnection } from "@/lib/carriers/http/http-upstream-connection";
import { carrierSecretPurpose, openSecret } from "@/lib/server/secrets/secret-box";
import { publicBaseUrl, statusCallbackPath } from "./public-urls";

export interface CarrierRow {
  sid: string;
  accountSid: string;
  type: string;
  isDefault: boolean;
  settings: unknown;
  secret: string | null;
  updatedAt: Date;
}

/** The protocol client for a carrier row; throws with a readable reason when the row cannot be used. */
export async function createConnection(row: CarrierRow): Promise<CarrierConnection> {
  const settings = row.settings as CarrierSettings;
  const secret = row.secret ? openSecret(row.secret, carrierSecretPurpose(row.sid)) : "";
  if (row.type === "twilio") {
    const s = settings as TwilioUpstreamSettings;
    if (!s.baseUrl || !s.accountSid) throw new Error("settings need baseUrl and accountSid");
    return createHttpUpstreamConnection({ carrierSid: row.sid, settings: s, authToken: secret, statusCallbackUrl: publicBaseUrl() + statusCallbackPath(row.sid) });
  }
  if (row.type === "smpp") {
    throw new Error("the SMPP client is not part of this build");
  }
  throw new Error(`unknown carrier type "${row.type}"`);
}
