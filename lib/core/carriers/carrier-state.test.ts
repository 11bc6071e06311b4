import { describe, expect, it } from "vitest";
import { deriveCarrierState, isCredentialsError, LIVE_BIND_MAX_AGE_MS, type BindRow } from "./carrier-state";

const now = new Date("2026-12-03T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const bind = (over: Partial<BindRow> = {}): BindRow => ({
  state: "bound",
  lastError: null,
  lastErrorAt: null,
  windowInUse: 0,
  queueDepth: 0,
  mpsOut: 0,
  mpsIn: 0,
  reconnects: 0,
  lastReportAt: null,
  updatedAt: ago(1_000),
  ...over,
});

describe("deriveCarrierState", () => {
  it.each<[string, string[], string]>([
    ["no binds", [], "unbound"],
    ["one bound among errors", ["error", "bound", "binding"], "bound"],
    ["binding beats error", ["error", "binding"], "binding"],
    ["only errors", ["error", "error"], "error"],
    ["only unbound", ["unbound"], "unbound"],
    ["error beats unbound", ["unbound", "error"], "error"],
  ])("%s → %s", (_name, states, expected) => {
    expect(deriveCarrierState(states.map((state) => bind({ state })), { enabled: true, now }).state).toBe(expected);
  });

  it("ignores binds not refreshed within the window, counts the edge", () => {
    const stale = bind({ state: "bound", updatedAt: ago(LIVE_BIND_MAX_AGE_MS + 1), mpsOut: 50 });
    const edge = bind({ state: "error", updatedAt: ago(LIVE_BIND_MAX_AGE_MS), lastError: "bind refused" });
    const s = deriveCarrierState([stale, edge], { enabled: true, now });
    expect(s).toMatchObject({ state: "error", lastError: "bind refused", bindsBound: 0, mpsOut: 0 });
    expect(deriveCarrierState([stale], { enabled: true, now }).state).toBe("unbound");
  });

  it("a disabled carrier is unbound even with bound rows", () => {
    expect(deriveCarrierState([bind()], { enabled: false, now }).state).toBe("unbound");
  });

  it("sums the live figures and keeps the latest report of any row", () => {
    const s = deriveCarrierState(
      [
        bind({ windowInUse: 3, queueDepth: 10, mpsOut: 10.04, mpsIn: 1.5, reconnects: 2, lastReportAt: ago(5_000) }),
        bind({ state: "binding", windowInUse: 1, queueDepth: 0, mpsOut: 5.01, mpsIn: 0.5, reconnects: 1, lastReportAt: ago(2_000) }),
        bind({ updatedAt: ago(60_000), windowInUse: 99, lastReportAt: ago(500) }),
      ],
      { enabled: true, now },
    );
    expect(s).toEqual({
      state: "bound",
      lastError: null,
      lastErrorAt: null,
      bindsBound: 1,
      mpsOut: 15.1,
      mpsIn: 2,
      windowInUse: 4,
      queueDepth: 10,
      reconnects: 3,
      lastDeliveryReportAt: ago(500),
    });
  });

  it("reports the most recent error of the live binds", () => {
    const s = deriveCarrierState(
      [
        bind({ state: "error", lastError: "older", lastErrorAt: ago(9_000) }),
        bind({ state: "error", lastError: "newer", lastErrorAt: ago(3_000) }),
        bind({ state: "error", lastError: "untimed" }),
      ],
      { enabled: true, now },
    );
    expect(s).toMatchObject({ lastError: "newer", lastErrorAt: ago(3_000) });
  });
});

describe("isCredentialsError", () => {
  it.each([
    "bind_transceiver refused: ESME_RINVPASWD (0x0000000E)",
    "ESME_RINVSYSID",
    "Invalid Password",
    "command_status 0x0000000E",
    "upstream answered 401 Unauthorized",
    "Authentication Error - invalid username",
  ])("%j is about credentials", (e) => expect(isCredentialsError(e)).toBe(true));

  it.each([null, "", "connect ECONNREFUSED 127.0.0.1:2775", "ESME_RTHROTTLED (0x00000058)", "TLS handshake failed", "0x0000000E1"])("%j is not", (e) =>
    expect(isCredentialsError(e)).toBe(false),
  );
});
