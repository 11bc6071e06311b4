import { describe, expect, it } from "vitest";
import { DEFAULT_REPLIES, defaultOptOutConfig, matchKeyword, optOutConfigIssues, type OptOutConfig } from "./opt-out";
import { describeScope, detectLanguage, resolveKeyword } from "./resolve-keyword";

function config(): OptOutConfig {
  const c = defaultOptOutConfig();
  c.advancedOptOut = true;
  c.global.help.reply = "Acme help.";
  c.languages.es = { optOut: { keywords: ["BAJA", "PARAR"], reply: "Te has dado de baja." }, optIn: { keywords: ["ALTA"], reply: "Alta." }, help: { keywords: ["AYUDA"], reply: "Ayuda es." } };
  c.languages.fr = { optOut: { keywords: ["ARRET"], reply: "Arrêté." } };
  c.languages.pt = { help: { keywords: ["AJUDA", "AYUDA"], reply: "Ajuda pt." } };
  c.countries.MX = { help: { keywords: ["AYUDA"], reply: "MX ayuda." } };
  c.countries.GB = { optOut: { keywords: [], reply: "GB: unsubscribed." } };
  return c;
}

describe("detectLanguage", () => {
  it.each<[string, string | null]>([
    ["baja", "es"],
    [" Arret ", "fr"],
    ["ajuda", "pt"],
    // Listed by two languages: the first tag alphabetically.
    ["ayuda", "es"],
    ["STOP", null],
    ["hello", null],
    ["", null],
  ])("%j -> %s", (body, lang) => expect(detectLanguage(body, config())).toBe(lang));
});

describe("resolveKeyword", () => {
  it("uses the defaults when Advanced Opt-Out is off or there is no config", () => {
    const off = config();
    off.advancedOptOut = false;
    for (const c of [null, undefined, off]) {
      expect(resolveKeyword("stop", c, { country: "MX" })).toEqual({
        type: "STOP", className: "optOut", reply: DEFAULT_REPLIES.optOut, keyword: "STOP", language: null, keywordScope: { kind: "default" }, replyScope: { kind: "default" },
      });
      expect(resolveKeyword("baja", c)).toBeNull();
    }
  });

  it.each<[string, string | null, string, string, string | null, unknown, unknown]>([
    // body, country, type, reply, language, keywordScope, replyScope
    ["BAJA", null, "STOP", "Te has dado de baja.", "es", { kind: "language", key: "es" }, { kind: "language", key: "es" }],
    ["alta", "US", "START", "Alta.", "es", { kind: "language", key: "es" }, { kind: "language", key: "es" }],
    ["ayuda", "ES", "HELP", "Ayuda es.", "es", { kind: "language", key: "es" }, { kind: "language", key: "es" }],
    // The country override beats the language override.
    ["ayuda", "MX", "HELP", "MX ayuda.", "es", { kind: "country", key: "MX" }, { kind: "country", key: "MX" }],
    ["help", "mx", "HELP", "MX ayuda.", null, { kind: "global" }, { kind: "country", key: "MX" }],
    // A country override may change only the reply; the keyword still comes from its language.
    ["BAJA", "GB", "STOP", "GB: unsubscribed.", "es", { kind: "language", key: "es" }, { kind: "country", key: "GB" }],
    ["stop", "GB", "STOP", "GB: unsubscribed.", null, { kind: "global" }, { kind: "country", key: "GB" }],
    ["help", null, "HELP", "Acme help.", null, { kind: "global" }, { kind: "global" }],
    // fr only overrides opt-out: its START comes from the global set.
    ["arret", "FR", "STOP", "Arrêté.", "fr", { kind: "language", key: "fr" }, { kind: "language", key: "fr" }],
  ])("%j from %s", (body, country, type, reply, language, keywordScope, replyScope) => {
    const r = resolveKeyword(body, config(), { country });
    expect(r).toMatchObject({ type, reply, language, keywordScope, replyScope });
    // Same answer as the engine given the detected language.
    expect(matchKeyword(body, config(), { country, language })).toEqual({ type, reply });
  });

  it("falls back to the default reply when no scope has one (a config that failed validation)", () => {
    const c = config();
    c.global.optIn = { keywords: [], reply: "x" };
    delete (c.global as Partial<OptOutConfig["global"]>).optIn;
    expect(resolveKeyword("start", c)).toMatchObject({ type: "START", reply: DEFAULT_REPLIES.optIn, replyScope: { kind: "default" } });
  });

  it.each(["", "  ", "STOP now", "bajas"])("no match for %j", (body) => expect(resolveKeyword(body, config(), { country: "MX" })).toBeNull());
});

describe("describeScope", () => {
  it.each<[Parameters<typeof describeScope>[0], string]>([
    [{ kind: "country", key: "MX" }, "the MX country override"],
    [{ kind: "language", key: "es" }, 'the "es" language override'],
    [{ kind: "global" }, "the service's global keywords"],
    [{ kind: "default" }, "the default keywords (Advanced Opt-Out is off)"],
  ])("%j", (scope, text) => expect(describeScope(scope)).toBe(text));
});

describe("optOutConfigIssues", () => {
  it("keeps the path apart from the message", () => {
    const c = config();
    c.global.optOut.keywords = ["QUIT"];
    c.languages.es!.help!.reply = "";
    expect(optOutConfigIssues(c)).toEqual([{ path: "languages.es.help.reply", message: "reply is required" }]);
    c.languages.es!.help!.reply = "ok";
    expect(optOutConfigIssues(c)).toEqual([{ path: "global.optOut.keywords", message: "STOP cannot be removed" }]);
  });

  it("rejects what is not a config at all", () => {
    expect(optOutConfigIssues({ advancedOptOut: "yes" }).map((i) => i.path)).toContain("advancedOptOut");
  });
});
