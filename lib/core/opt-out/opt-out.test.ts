import { describe, expect, it } from "vitest";
import { DEFAULT_REPLIES, defaultOptOutConfig, matchKeyword, optOutConfigSchema, validateOptOutConfig, type OptOutConfig } from "./opt-out";

function advanced(): OptOutConfig {
  const c = defaultOptOutConfig();
  c.advancedOptOut = true;
  c.global.optOut.keywords.push("ARRET");
  c.global.help.reply = "Acme: reply STOP to stop.";
  c.languages.es = { help: { keywords: ["AYUDA"], reply: "Responde STOP para cancelar." }, optOut: { keywords: ["PARAR"], reply: "Cancelado." } };
  c.countries.MX = { help: { keywords: ["AYUDA", "INFO"], reply: "MX: ayuda." } };
  return c;
}

describe("matchKeyword: defaults", () => {
  it.each([
    ["STOP", "STOP", DEFAULT_REPLIES.optOut],
    ["stopall", "STOP", DEFAULT_REPLIES.optOut],
    ["  Unsubscribe \n", "STOP", DEFAULT_REPLIES.optOut],
    ["cancel", "STOP", DEFAULT_REPLIES.optOut],
    ["END", "STOP", DEFAULT_REPLIES.optOut],
    ["quit", "STOP", DEFAULT_REPLIES.optOut],
    ["start", "START", DEFAULT_REPLIES.optIn],
    ["Yes", "START", DEFAULT_REPLIES.optIn],
    ["UNSTOP", "START", DEFAULT_REPLIES.optIn],
    ["help", "HELP", DEFAULT_REPLIES.help],
    ["Info", "HELP", DEFAULT_REPLIES.help],
  ])("%j -> %s", (body, type, reply) => {
    expect(matchKeyword(body, null)).toEqual({ type, reply });
    expect(matchKeyword(body, defaultOptOutConfig())).toEqual({ type, reply });
  });

  it.each(["Stop please", "STOP!", "", "   ", "S TOP", "ARRET", "hello"])("no match for %j", (body) => {
    expect(matchKeyword(body, null)).toBeNull();
  });

  it("uses the defaults while Advanced Opt-Out is off, even with custom keywords stored", () => {
    const c = advanced();
    c.advancedOptOut = false;
    expect(matchKeyword("ARRET", c)).toBeNull();
    expect(matchKeyword("help", c, { country: "MX" })).toEqual({ type: "HELP", reply: DEFAULT_REPLIES.help });
  });
});

describe("matchKeyword: Advanced Opt-Out", () => {
  const c = advanced();
  it.each<[string, { country?: string; language?: string }, string | null, string | null]>([
    ["arret", {}, "STOP", DEFAULT_REPLIES.optOut],
    ["help", {}, "HELP", "Acme: reply STOP to stop."],
    ["ayuda", {}, null, null],
    ["ayuda", { language: "es" }, "HELP", "Responde STOP para cancelar."],
    ["ayuda", { language: "es-MX" }, "HELP", "Responde STOP para cancelar."],
    ["parar", { language: "es" }, "STOP", "Cancelado."],
    ["STOP", { language: "es" }, "STOP", "Cancelado."],
    ["ayuda", { country: "MX", language: "es" }, "HELP", "MX: ayuda."],
    ["help", { country: "MX" }, "HELP", "MX: ayuda."],
    ["parar", { country: "MX", language: "es" }, "STOP", "Cancelado."],
    ["start", { country: "MX", language: "es" }, "START", DEFAULT_REPLIES.optIn],
    ["ayuda", { country: "AR" }, null, null],
  ])("%j %j", (body, locale, type, reply) => {
    expect(matchKeyword(body, c, locale)).toEqual(type ? { type, reply } : null);
  });
});

describe("validateOptOutConfig", () => {
  it("accepts the defaults and a full custom config, which survive JSON", () => {
    expect(validateOptOutConfig(defaultOptOutConfig())).toEqual([]);
    const c = advanced();
    expect(validateOptOutConfig(c)).toEqual([]);
    expect(optOutConfigSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it.each<[string, (c: OptOutConfig) => void, string]>([
    ["STOP removed", (c) => (c.global.optOut.keywords = ["QUIT"]), "global.optOut.keywords: STOP cannot be removed"],
    ["START removed", (c) => (c.global.optIn.keywords = ["YES"]), "global.optIn.keywords: START cannot be removed"],
    ["HELP removed", (c) => (c.global.help.keywords = []), "global.help.keywords: HELP cannot be removed"],
    ["keyword in two classes", (c) => c.global.help.keywords.push("yes"), "global.help.keywords: YES is already a optIn keyword"],
    ["reserved keyword moved in an override", (c) => (c.languages.es = { help: { keywords: ["STOP"], reply: "x" } }), "languages.es.help.keywords: STOP is reserved for optOut"],
    ["bad keyword", (c) => c.global.help.keywords.push("AY UDA"), "global.help.keywords.2: keywords are 1-34 letters or digits"],
    ["empty reply", (c) => (c.global.help.reply = ""), "global.help.reply: reply is required"],
    ["long reply", (c) => (c.global.help.reply = "x".repeat(1601)), "global.help.reply: reply is at most 1600 characters"],
    ["bad country", (c) => (c.countries.mx = {}), "countries.mx"],
  ])("%s", (_n, change, error) => {
    const c = defaultOptOutConfig();
    change(c);
    expect(validateOptOutConfig(c).join("\n")).toContain(error);
  });
});
