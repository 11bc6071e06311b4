import { describe, expect, it } from "vitest";
import { configFromForm, issuesToFieldErrors, parseKeywords } from "./config-form";
import { defaultOptOutConfig, optOutConfigIssues } from "./opt-out";

const globalFields = (): Record<string, unknown> => {
  const c = defaultOptOutConfig();
  return Object.fromEntries(
    (["optOut", "optIn", "help"] as const).flatMap((k) => [
      [`global.${k}.keywords`, c.global[k].keywords.join(", ")],
      [`global.${k}.reply`, c.global[k].reply],
    ]),
  );
};

describe("parseKeywords", () => {
  it.each<[string, string[]]>([
    ["stop, quit  end", ["STOP", "QUIT", "END"]],
    [" ,, ", []],
    ["baja,BAJA, Baja", ["BAJA"]],
    ["a\nb", ["A", "B"]],
  ])("%j", (text, out) => expect(parseKeywords(text)).toEqual(out));
});

describe("configFromForm", () => {
  it("round-trips the defaults; the toggle's last value wins", () => {
    const { config, errors, newPath } = configFromForm({ ...globalFields(), advancedOptOut: ["false", "true"] });
    expect(errors).toEqual({});
    expect(newPath).toBeNull();
    expect(config).toEqual({ ...defaultOptOutConfig(), advancedOptOut: true });
    expect(configFromForm({ ...globalFields(), advancedOptOut: "false" }).config.advancedOptOut).toBe(false);
  });

  it("reads overrides, drops empty classes, removed and emptied overrides", () => {
    const { config } = configFromForm({
      ...globalFields(),
      "languages.es.help.keywords": "ayuda",
      "languages.es.help.reply": " Ayuda ",
      "languages.es.optOut.keywords": "",
      "languages.es.optOut.reply": "",
      "languages.fr.help.keywords": "aide",
      "languages.fr.help.reply": "Aide",
      "languages.fr.remove": ["false", "true"],
      "countries.MX.help.keywords": "",
      "countries.MX.help.reply": "",
    });
    expect(config.languages).toEqual({ es: { help: { keywords: ["AYUDA"], reply: "Ayuda" } } });
    expect(config.countries).toEqual({});
  });

  it("adds the new override row, normalising the key", () => {
    const r = configFromForm({ ...globalFields(), "new.kind": "country", "new.key": " mx ", "new.help.keywords": "ayuda", "new.help.reply": "MX" });
    expect(r.newPath).toBe("countries.MX");
    expect(r.config.countries.MX).toEqual({ help: { keywords: ["AYUDA"], reply: "MX" } });
    expect(configFromForm({ ...globalFields(), "new.kind": "language", "new.key": "PT-br", "new.help.reply": "x" }).newPath).toBe("languages.pt-br");
  });

  it("ignores an untouched new row", () => {
    expect(configFromForm({ ...globalFields(), "new.kind": "language", "new.key": "", "new.help.keywords": "", "new.help.reply": "" })).toMatchObject({ errors: {}, newPath: null });
  });

  it.each<[string, Record<string, unknown>, Record<string, string[]>]>([
    ["no kind", { "new.kind": "", "new.key": "es", "new.help.reply": "x" }, { "new.kind": ["Choose a language or a country"] }],
    ["no key", { "new.kind": "country", "new.help.reply": "x" }, { "new.key": ["Enter an ISO country code, e.g. MX"] }],
    ["duplicate", { "languages.es.help.keywords": "ayuda", "languages.es.help.reply": "a", "new.kind": "language", "new.key": "ES", "new.help.reply": "x" }, { "new.key": ["There is already an override for es"] }],
    ["nothing filled", { "new.kind": "language", "new.key": "it" }, { "new.key": ["Give the override keywords or a reply for at least one class"] }],
  ])("new row error: %s", (_n, extra, errors) => {
    expect(configFromForm({ ...globalFields(), ...extra }).errors).toEqual(errors);
  });
});

describe("issuesToFieldErrors", () => {
  it("maps validation issues onto form fields", () => {
    const r = configFromForm({
      ...globalFields(),
      "global.optOut.keywords": "quit, bad-word",
      "global.help.reply": "",
      "new.kind": "country",
      "new.key": "mx",
      "new.help.keywords": "ayuda",
      "new.help.reply": "",
    });
    expect(issuesToFieldErrors(optOutConfigIssues(r.config), r.newPath)).toEqual({
      "global.optOut.keywords": ["keywords are 1-34 letters or digits"],
      "global.help.reply": ["reply is required"],
      "new.help.reply": ["reply is required"],
    });
    const s = configFromForm({ ...globalFields(), "global.optOut.keywords": "quit", "new.kind": "country", "new.key": "mex", "new.help.reply": "x" });
    const errors = issuesToFieldErrors(optOutConfigIssues(s.config), s.newPath);
    expect(Object.keys(errors)).toEqual(["new.key"]);
    const t = configFromForm({ ...globalFields(), "global.optOut.keywords": "quit" });
    expect(issuesToFieldErrors(optOutConfigIssues(t.config), null)).toEqual({ "global.optOut.keywords": ["STOP cannot be removed"] });
  });
});
