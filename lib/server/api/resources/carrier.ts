import type { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { CARRIER_ERRORS } from "@/lib/server/services/carriers/carrier-errors";
import type { CarrierWithLive } from "@/lib/server/services/carriers/carrier-live-state";
import { readSmppSettings, readTwilioSettings } from "@/lib/server/services/carriers/carrier-settings-map";
import { isoDate } from "../dates";
import { publicBaseUrl } from "../pagination";

/** Wire param -> form field of the carrier schemas (create and update; docs/carriers.md). */
export const CARRIER_PARAMS: Record<string, string> = {
  FriendlyName: "friendlyName",
  Type: "type",
  IsDefault: "isDefault",
  Enabled: "enabled",
  Host: "host",
  Port: "port",
  SystemId: "systemId",
  Password: "password",
  SystemType: "systemType",
  BindMode: "bindMode",
  WindowSize: "windowSize",
  Throughput: "throughput",
  Binds: "binds",
  Tls: "tls",
  RegisteredDelivery: "registeredDelivery",
  EnquireLinkInterval: "enquireLinkInterval",
  Concatenation: "concatenation",
  SourceTonAlpha: "sourceTonAlpha",
  SourceNpiAlpha: "sourceNpiAlpha",
  SourceTonShortCode: "sourceTonShortCode",
  SourceNpiShortCode: "sourceNpiShortCode",
  SourceTonInternational: "sourceTonInternational",
  SourceNpiInternational: "sourceNpiInternational",
  DestinationTon: "destinationTon",
  DestinationNpi: "destinationNpi",
  BaseUrl: "baseUrl",
  AccountSid: "upstreamAccountSid",
  AuthToken: "authToken",
};

/**
 * zod parse with the carrier resources' codes: an absent or blank required
 * parameter is 21800 "Missing required parameter", any other bad value
 * 21801 "Invalid parameter", each naming the wire parameter.
 */
export function parseCarrierParams<S extends z.ZodType>(schema: S, input: Record<string, unknown>, wireNames: Record<string, string>): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = String(issue?.path[0] ?? "");
  const wire = Object.entries(wireNames).find(([, f]) => f === field)?.[0] ?? field;
  const given = input[field];
  const missing = given === undefined || (typeof given === "string" && given.trim() === "");
  if (missing) throw new AppError(CARRIER_ERRORS.missingParameter, `Missing required parameter ${wire} in the post body`, 400, field);
  throw new AppError(CARRIER_ERRORS.invalidParameter, `Invalid parameter ${wire}: ${issue?.message ?? "invalid"}`, 400, field);
}

const SMPP_NULLS = {
  host: null,
  port: null,
  system_id: null,
  system_type: null,
  bind_mode: null,
  window_size: null,
  throughput: null,
  binds: null,
  tls: null,
  registered_delivery: null,
  enquire_link_interval: null,
  concatenation: null,
  source_ton_alpha: null,
  source_npi_alpha: null,
  source_ton_short_code: null,
  source_npi_short_code: null,
  source_ton_international: null,
  source_npi_international: null,
  destination_ton: null,
  destination_npi: null,
};

function smppFields(json: unknown) {
  const s = readSmppSettings(json);
  const a = s.addressing;
  return {
    host: s.host,
    port: s.port,
    system_id: s.systemId,
    system_type: s.systemType,
    bind_mode: s.bindMode,
    window_size: s.windowSize,
    throughput: s.throughput,
    binds: s.binds,
    tls: s.tls,
    registered_delivery: s.registeredDelivery,
    enquire_link_interval: s.enquireLinkSeconds,
    concatenation: s.concatenation,
    source_ton_alpha: a.alpha.ton,
    source_npi_alpha: a.alpha.npi,
    source_ton_short_code: a.shortCode.ton,
    source_npi_short_code: a.shortCode.npi,
    source_ton_international: a.international.ton,
    source_npi_international: a.international.npi,
    destination_ton: a.destination.ton,
    destination_npi: a.destination.npi,
  };
}

/**
 * The Carrier resource (an extension of the v1 API). `account_sid` is the
 * owner, as on every Twilio resource; a twilio carrier's upstream account is
 * `upstream_account_sid`. Every settings key is present, null when it
 * belongs to the other type. The secret is never part of it.
 */
export function carrierResource(c: CarrierWithLive) {
  const smpp = c.type === "smpp";
  const twilio = smpp ? null : readTwilioSettings(c.settings);
  return {
    account_sid: c.accountSid,
    sid: c.sid,
    friendly_name: c.friendlyName,
    type: c.type,
    state: c.live.state,
    last_error: c.live.lastError,
    last_error_at: isoDate(c.live.lastErrorAt),
    is_default: c.isDefault,
    enabled: c.enabled,
    date_created: isoDate(c.createdAt),
    date_updated: isoDate(c.updatedAt),
    ...(smpp ? smppFields(c.settings) : SMPP_NULLS),
    base_url: twilio?.baseUrl ?? null,
    upstream_account_sid: twilio?.accountSid ?? null,
    binds_bound: c.live.bindsBound,
    mps_out: c.live.mpsOut,
    mps_in: c.live.mpsIn,
    window_in_use: c.live.windowInUse,
    queue_depth: c.live.queueDepth,
    reconnects: c.live.reconnects,
    last_delivery_report_at: isoDate(c.live.lastDeliveryReportAt),
    url: `${publicBaseUrl()}/v1/Carriers/${c.sid}`,
  };
}
