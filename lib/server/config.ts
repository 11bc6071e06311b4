import { z } from "zod";
import { DEFAULT_VETTING_DELAY_MS } from "@/lib/core/a2p/vetting";

/**
 * Every environment variable Switchyard reads, validated in one place
 * (docs/operations.md "Configuration" lists them). Parsed on first use, not
 * at import, so `next build` needs none of them; `npm start` parses it before
 * anything starts, and a bad value stops start-up with a message naming the
 * variable. The result is cached for as long as the environment is unchanged
 * (in a server: for good; tests that set a variable get it re-read).
 */
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().min(1);
const nonNegativeInt = z.coerce.number().int().min(0);
const url = z.url({ protocol: /^https?$/ });

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const schema = z.object({
  // Listeners
  PORT: port.default(3000),
  NEXT_INTERNAL_PORT: port.optional(),
  LINK_HTTP_PORT: port.optional(),
  LINK_HTTPS_PORT: port.optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  METRICS_TOKEN: z.string().optional(),
  PUBLIC_BASE_URL: url.optional(),
  NEXTAUTH_URL: url.optional(),
  NEXT_DIST_DIR: z.string().default(".next"),
  // Database
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  DB_POOL_MAX: positiveInt.default(10),
  LINK_DB_POOL_MAX: positiveInt.default(8),
  SWITCHYARD_DATA_DIR: z.string().optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  // Secrets
  NEXTAUTH_SECRET: z.string().optional(),
  LINK_KEY_SECRET: z.string().optional(),
  SECRETS_KEY: z.string().optional(),
  SWITCHYARD_TOKEN_KEY: z.string().optional(),
  SWITCHYARD_TOKEN_KEYS_PREVIOUS: z.string().optional(),
  // Outgoing requests (docs/security.md "Outgoing requests")
  SWITCHYARD_WEBHOOK_ALLOW: z.string().optional(),
  // First account (seeded on an empty database)
  SWITCHYARD_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/).optional(),
  SWITCHYARD_AUTH_TOKEN: z.string().min(1).optional(),
  SWITCHYARD_ADMIN_EMAIL: z.email().default("admin@switchyard.local"),
  SWITCHYARD_ADMIN_PASSWORD: z.string().min(1).optional(),
  // Send pipeline
  PIPELINE_WORKERS: nonNegativeInt.default(1),
  WORKER_CONCURRENCY: positiveInt.default(256),
  DISPATCH_CONCURRENCY: positiveInt.default(1024),
  CARRIER_DRIVER: z.enum(["carriers", "simulator"]).default("carriers"),
  CARRIER_READY_WAIT_MS: nonNegativeInt.default(3_000),
  INBOUND_WEBHOOK_TIMEOUT_MS: positiveInt.default(15_000),
  // A2P 10DLC (docs/api.md): the simulated vetting time, and whether unregistered US long codes are refused (30034)
  A2P_VETTING_DELAY_MS: nonNegativeInt.default(DEFAULT_VETTING_DELAY_MS),
  A2P_10DLC_ENFORCEMENT: z.enum(["on", "registered", "off"]).default("registered"),
  LINK_CERT_VALIDATION_MS: nonNegativeInt.default(5_000),
  // Logs
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

/** What each variable must be, for the start-up message. */
const MUST_BE: Record<keyof z.input<typeof schema>, string> = {
  PORT: "a port number",
  NEXT_INTERNAL_PORT: "a port number",
  LINK_HTTP_PORT: "a port number",
  LINK_HTTPS_PORT: "a port number",
  METRICS_PORT: "a port number (0: any free port)",
  METRICS_HOST: "a host name or address",
  METRICS_TOKEN: "a string",
  PUBLIC_BASE_URL: "an absolute URL (http://host:port)",
  NEXTAUTH_URL: "an absolute URL (http://host:port)",
  NEXT_DIST_DIR: "a directory name",
  DATABASE_URL: "a PostgreSQL connection string (postgresql://user:password@host:port/database)",
  DB_POOL_MAX: "a positive integer",
  LINK_DB_POOL_MAX: "a positive integer",
  SWITCHYARD_DATA_DIR: "a directory path",
  EMBEDDED_PG_PORT: "a port number",
  NEXTAUTH_SECRET: "a string",
  LINK_KEY_SECRET: "a string",
  SECRETS_KEY: "a string",
  SWITCHYARD_TOKEN_KEY: "32 bytes, base64-encoded",
  SWITCHYARD_TOKEN_KEYS_PREVIOUS: "comma-separated base64 keys",
  SWITCHYARD_WEBHOOK_ALLOW: "comma-separated CIDRs, addresses and host names",
  SWITCHYARD_ACCOUNT_SID: "AC followed by 32 hex digits",
  SWITCHYARD_AUTH_TOKEN: "a non-empty string",
  SWITCHYARD_ADMIN_EMAIL: "an email address",
  SWITCHYARD_ADMIN_PASSWORD: "a non-empty string",
  PIPELINE_WORKERS: "0 (no workers in the console process) or 1",
  WORKER_CONCURRENCY: "a positive integer",
  DISPATCH_CONCURRENCY: "a positive integer",
  CARRIER_DRIVER: "carriers or simulator",
  CARRIER_READY_WAIT_MS: "a number of milliseconds",
  INBOUND_WEBHOOK_TIMEOUT_MS: "a positive number of milliseconds",
  A2P_VETTING_DELAY_MS: "a number of milliseconds",
  A2P_10DLC_ENFORCEMENT: "on, registered or off",
  LINK_CERT_VALIDATION_MS: "a number of milliseconds",
  LOG_LEVEL: `one of ${LOG_LEVELS.join(", ")}`,
};

export type Config = z.output<typeof schema>;
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Parses `env` (unset and empty are the same: the default applies); throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, string | undefined> = {};
  for (const name of CONFIG_VARIABLES) raw[name] = env[name] === "" ? undefined : env[name];
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].map(
    (name) => `${name} must be ${MUST_BE[name as keyof typeof MUST_BE] ?? "valid"} (got ${JSON.stringify(raw[name])})`,
  );
  throw new ConfigError(problems);
}

let cached: { key: string; config: Config } | undefined;

/** This process's configuration, from process.env. */
export function config(): Config {
  const key = CONFIG_VARIABLES.map((n) => process.env[n] ?? "").join("\u0000");
  if (cached?.key !== key) cached = { key, config: parseConfig(process.env) };
  return cached.config;
}

/** For the launchers (start, worker, migrate): the configuration, or the message naming the bad variables and exit code 1. */
export function configOrExit(): Config {
  try {
    return config();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

/** The base of absolute URLs in API answers: PUBLIC_BASE_URL, else http://localhost:PORT. */
export function publicBaseUrl(c: Config = config()): string {
  return (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, "");
}
