import fs from "node:fs";
import path from "node:path";

/**
 * A focused validator for the subset of OpenAPI 3 that Twilio's description
 * uses in its response schemas: $ref, type, nullable, enum, properties, items
 * and a few formats. Stricter than JSON Schema on one point, on purpose:
 * every declared property must be present (null where unset), because
 * Twilio's clients read every field (docs/api.md "Conformance").
 */
interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface Spec {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

const DIR = path.join(import.meta.dirname, "twilio-oai");
const specs: { v2010: Spec; v1: Spec } = {
  v2010: JSON.parse(fs.readFileSync(path.join(DIR, "twilio_api_v2010.json"), "utf8")) as Spec,
  v1: JSON.parse(fs.readFileSync(path.join(DIR, "twilio_messaging_v1.json"), "utf8")) as Spec,
};

/** "Thu, 03 Dec 2026 19:02:37 +0000": what Twilio's 2010 API writes (and twilio-node parses). */
const RFC2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
/** ISO 8601 in UTC, as the v1 API writes it. */
const ISO8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where Twilio's wire differs from its own description and we follow the
 * wire: AvailablePhoneNumber capabilities arrive as "SMS"/"MMS" from Twilio
 * (docs/decisions.md, docs/api.md "Deviations").
 */
const WIRE_NAMES = [
  { where: "/AvailablePhoneNumbers/", property: "sms", wire: "SMS" },
  { where: "/AvailablePhoneNumbers/", property: "mms", wire: "MMS" },
];

function resolve(spec: Spec, s: Schema): Schema {
  let cur = s;
  while (cur.$ref) {
    const name = cur.$ref.replace("#/components/schemas/", "");
    const target = spec.components.schemas[name];
    if (!target) throw new Error(`unresolved $ref ${cur.$ref}`);
    cur = { ...target, nullable: cur.nullable ?? target.nullable };
  }
  return cur;
}

function check(spec: Spec, raw: Schema, value: unknown, at: string, errors: string[]): void {
  const s = resolve(spec, raw);
  if (value === null) {
    // Twilio marks nearly every resource property nullable; list envelopes' fields are not.
    if (!s.nullable && s.type !== undefined) errors.push(`${at}: null where ${s.type} is required`);
    return;
  }
  switch (s.type) {
    case "string":
      if (typeof value !== "string") return void errors.push(`${at}: expected string, got ${JSON.stringify(value)}`);
      if (s.enum && !s.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in enum [${s.enum.join(", ")}]`);
      if (s.pattern && !new RegExp(s.pattern).test(value)) errors.push(`${at}: ${JSON.stringify(value)} does not match ${s.pattern}`);
      if (s.format === "date-time-rfc-2822" && !RFC2822.test(value)) errors.push(`${at}: ${value} is not an RFC 2822 date`);
      if (s.format === "date-time" && !ISO8601.test(value)) errors.push(`${at}: ${value} is not an ISO 8601 date-time`);
      if (s.format === "date" && !DATE.test(value)) errors.push(`${at}: ${value} is not a date`);
      if (s.format === "http-method" && !/^(GET|POST|PUT|DELETE|HEAD|PATCH)$/.test(value)) errors.push(`${at}: ${value} is not an HTTP method`);
      if (s.format === "uri" && !/^(https?:\/\/|\/)/.test(value)) errors.push(`${at}: ${value} is not a URI`);
      return;
    case "integer":
      if (!Number.isInteger(value)) errors.push(`${at}: expected integer, got ${JSON.stringify(value)}`);
      return;
    case "number":
      if (typeof value !== "number") errors.push(`${at}: expected number, got ${JSON.stringify(value)}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") errors.push(`${at}: expected boolean, got ${JSON.stringify(value)}`);
      return;
    case "array":
      if (!Array.isArray(value)) return void errors.push(`${at}: expected array`);
      if (s.items) value.forEach((v, i) => check(spec, s.items as Schema, v, `${at}[${i}]`, errors));
      return;
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return void errors.push(`${at}: expected object`);
      const obj = value as Record<string, unknown>;
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        const alias = WIRE_NAMES.find((w) => at.includes(w.where) && w.property === key)?.wire;
        if (!(key in obj) && alias && alias in obj) check(spec, prop, obj[alias], `${at}.${alias}`, errors);
        else if (!(key in obj)) errors.push(`${at}.${key}: missing`);
        else check(spec, prop, obj[key], `${at}.${key}`, errors);
      }
      return;
    }
    default:
      return;
  }
}

/** The OpenAPI path template a concrete URL path matches ("/2010-04-01/Accounts/AC…/Keys.json" -> "…/{AccountSid}/Keys.json"). */
function templateFor(spec: Spec, urlPath: string): string | undefined {
  const candidates = Object.keys(spec.paths).filter((t) => {
    const re = new RegExp(`^${t.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`);
    return re.test(urlPath);
  });
  // A literal segment beats a parameter: the template with the fewest parameters wins.
  return candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
}

/** Every way `body` departs from the description's response schema for this operation; [] when it conforms. */
export function validateResponse(method: string, url: string, status: number, body: unknown): string[] {
  const urlPath = new URL(url, "http://x").pathname;
  const spec = urlPath.startsWith("/v1/") ? specs.v1 : specs.v2010;
  const template = templateFor(spec, urlPath);
  if (!template) return [`${method} ${urlPath}: no such path in the description`];
  const op = spec.paths[template]?.[method.toLowerCase()];
  if (!op) return [`${method} ${template}: no such operation in the description`];
  const response = op.responses?.[String(status)];
  if (!response) return [`${method} ${template}: status ${status} not described (${Object.keys(op.responses ?? {}).join(", ")})`];
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return body === undefined || body === null || body === "" ? [] : [`${method} ${template}: body where none is described`];
  const errors: string[] = [];
  check(spec, schema, body, `${method} ${template}`, errors);
  return errors;
}

/** Which operations of the description exist, as "METHOD template" (for the coverage count in docs/api.md). */
export function describedOperations(): string[] {
  return Object.values(specs).flatMap((spec) =>
    Object.entries(spec.paths).flatMap(([t, ops]) => Object.keys(ops).filter((m) => ["get", "post", "delete"].includes(m)).map((m) => `${m.toUpperCase()} ${t}`)),
  );
}
