import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, parseConfig, publicBaseUrl } from "@/lib/server/config";

/** The configuration `npm start` validates before anything starts (lib/server/config.ts). */
describe("parseConfig", () => {
  it("applies the defaults to an empty environment", () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.EMBEDDED_PG_PORT).toBe(54329);
    expect(c.LOG_LEVEL).toBe("info");
    // Each account's carriers, the simulator for an account without any (docs/carriers.md).
    expect(c.CARRIER_DRIVER).toBe("carriers");
    expect(c.DATABASE_URL).toBeUndefined();
    expect(publicBaseUrl(c)).toBe("http://localhost:3000");
  });

  it("reads numbers and treats an empty value as unset", () => {
    const c = parseConfig({ PORT: "8080", DB_POOL_MAX: "4", PUBLIC_BASE_URL: "", LINK_HTTPS_PORT: "" });
    expect(c.PORT).toBe(8080);
    expect(c.DB_POOL_MAX).toBe(4);
    expect(c.LINK_HTTPS_PORT).toBeUndefined();
    expect(publicBaseUrl(c)).toBe("http://localhost:8080");
  });

  it("names the bad variable, what it must be and the value it got", () => {
    expect(() => parseConfig({ PORT: "abc" })).toThrow(new ConfigError(['PORT must be a port number (got "abc")']));
    expect(() => parseConfig({ PORT: "70000" })).toThrow('PORT must be a port number (got "70000")');
    expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/^Invalid configuration: DATABASE_URL must be a PostgreSQL connection string/);
    expect(() => parseConfig({ CARRIER_DRIVER: "smsc" })).toThrow('CARRIER_DRIVER must be carriers or simulator (got "smsc")');
  });

  it("reports every bad variable at once", () => {
    try {
      parseConfig({ PORT: "x", WORKER_CONCURRENCY: "0", SWITCHYARD_ACCOUNT_SID: "AC123", PUBLIC_BASE_URL: "localhost:3000" });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(" ")[0])).toEqual(["PORT", "PUBLIC_BASE_URL", "SWITCHYARD_ACCOUNT_SID", "WORKER_CONCURRENCY"]);
    }
  });

  it("knows the variables other parts of this wave read", () => {
    for (const name of ["LOG_LEVEL", "SECRETS_KEY", "SWITCHYARD_DATA_DIR", "METRICS_PORT", "CARRIER_DRIVER"]) expect(CONFIG_VARIABLES).toContain(name);
  });
});
