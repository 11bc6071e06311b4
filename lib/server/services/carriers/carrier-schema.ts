import { z } from "zod";
import { baseUrl, bool, hostName, oneOf, optionalSecretText, requiredText, secretText, upstreamAccountSid, wholeNumber } from "./carrier-fields";

export const CARRIER_TYPES = ["smpp", "twilio"] as const;
export const BIND_MODES = ["transceiver", "transmitter_receiver"] as const;
export const CONCATENATIONS = ["udh8", "udh16", "message_payload"] as const;

const ton = (label: string) => wholeNumber(`${label} TON`, 0, 6);
const npi = (label: string) => wholeNumber(`${label} NPI`, 0, 18);

/** Every SMPP field except the required connection ones: optional on create (SMPP_DEFAULTS apply). */
const smppTuning = {
  systemType: z.preprocess((v) => (v === null ? "" : v), z.string({ error: "System type must be text" }).trim().max(12, "System type must be at most 12 characters")),
  bindMode: oneOf("Bind mode", BIND_MODES),
  tls: bool,
  windowSize: wholeNumber("Window size", 1, 1000),
  throughput: wholeNumber("Throughput", 1, 10000),
  binds: wholeNumber("Binds", 1, 32),
  registeredDelivery: bool,
  enquireLinkInterval: wholeNumber("Enquire link interval", 5, 3600),
  concatenation: oneOf("Concatenation", CONCATENATIONS),
  sourceTonAlpha: ton("Alphanumeric source"),
  sourceNpiAlpha: npi("Alphanumeric source"),
  sourceTonShortCode: ton("Short code source"),
  sourceNpiShortCode: npi("Short code source"),
  sourceTonInternational: ton("International source"),
  sourceNpiInternational: npi("International source"),
  destinationTon: ton("Destination"),
  destinationNpi: npi("Destination"),
};

const smppConnection = {
  host: hostName,
  port: wholeNumber("Port", 1, 65535),
  systemId: requiredText("System ID", 16).refine((s) => s.length > 0, "System ID is required"),
  password: secretText("Password", 64),
};

const twilioConnection = {
  baseUrl,
  upstreamAccountSid,
  authToken: secretText("Auth token", 128),
};

const common = {
  friendlyName: requiredText("Friendly name", 64).refine((s) => s.length > 0, "Friendly name is required"),
  isDefault: bool,
  enabled: bool,
};

/** Type is matched case-insensitively: lower-cased before the union picks the variant. */
const normalizeType = (v: unknown) =>
  v && typeof v === "object" && typeof (v as { type?: unknown }).type === "string"
    ? { ...v, type: (v as { type: string }).type.trim().toLowerCase() }
    : v;

const typeOf = (input: unknown) => {
  const t = input && typeof input === "object" ? (input as { type?: unknown }).type : input;
  return t === undefined || t === null || t === "" ? undefined : t;
};

/** POST /v1/Carriers and the console's create form: the connection fields of the type are required. */
export const createCarrierSchema = z.preprocess(
  normalizeType,
  z.discriminatedUnion(
    "type",
    [
      z.object({ type: z.literal("smpp"), ...common, ...smppConnection, ...z.object(smppTuning).partial().shape }).partial({ isDefault: true, enabled: true }),
      z.object({ type: z.literal("twilio"), ...common, ...twilioConnection }).partial({ isDefault: true, enabled: true }),
    ],
    { error: (i) => (typeOf(i.input) === undefined ? "Type is required" : "Type must be smpp or twilio") },
  ),
);

/**
 * POST /v1/Carriers/{Sid} and the edit form: any subset. A blank password or
 * token keeps the stored one; fields of the other type are ignored; the type
 * itself cannot change (it is checked against the stored carrier).
 */
export const updateCarrierSchema = z
  .object({
    type: oneOf("Type", CARRIER_TYPES),
    ...common,
    ...smppConnection,
    ...smppTuning,
    ...twilioConnection,
    password: optionalSecretText("Password", 64),
    authToken: optionalSecretText("Auth token", 128),
  })
  .partial();

export type CreateCarrierInput = z.infer<typeof createCarrierSchema>;
export type UpdateCarrierInput = z.infer<typeof updateCarrierSchema>;
export type SmppFieldsInput = Partial<Extract<CreateCarrierInput, { type: "smpp" }>>;
