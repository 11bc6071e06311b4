import { SMPP_DEFAULTS, type CarrierSettings, type SmppSettings, type TwilioUpstreamSettings } from "@/lib/carriers/carrier-settings";
import type { CarrierConnection } from "@/lib/carriers/connection";
import { createHttpUpstreamConnection } from "@/lib/carriers/http/http-upstream-connection";
import { createSmppConnection } from "@/lib/carriers/smpp/smpp-connection";
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
    const s = { ...SMPP_DEFAULTS, ...(settings as Partial<SmppSettings>) } as SmppSettings;
    if (!s.host || !s.port || !s.systemId) throw new Error("settings need host, port and systemId");
    return createSmppConnection({
      carrierSid: row.sid,
      settings: s,
      password: secret,
      log: (message, fields) => console.warn(`[smpp ${row.sid}] ${message}${fields ? " " + JSON.stringify(fields) : ""}`),
    });
  }
  throw new Error(`unknown carrier type "${row.type}"`);
}
