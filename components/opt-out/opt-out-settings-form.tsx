"use client";

import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, Toggle } from "@/components/ui/field";
import { FORM_CLASSES } from "@/lib/core/opt-out/config-form";
import { RESERVED_KEYWORDS, type OptOutConfig, type OptOutOverride } from "@/lib/core/opt-out/opt-out";
import { saveOptOutSettingsAction } from "@/lib/server/actions/opt-out-actions";
import { KeywordClassFields } from "./keyword-class-fields";

function OverrideFieldset({ kind, tag, scope, errors }: { kind: "languages" | "countries"; tag: string; scope: OptOutOverride; errors: Record<string, string[]> }) {
  const prefix = `${kind}.${tag}`;
  const title = kind === "languages" ? `Language override: ${tag}` : `Country override: ${tag}`;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{title}</legend>
      {FORM_CLASSES.map((c) => (
        <KeywordClassFields key={c} prefix={prefix} cls={c} keywords={scope[c]?.keywords ?? []} reply={scope[c]?.reply ?? ""} errors={errors} hint="Leave keywords and reply empty to use the global ones." />
      ))}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="hidden" name={`${prefix}.remove`} value="false" />
        <input type="checkbox" name={`${prefix}.remove`} value="true" className="size-4 rounded border-slate-300" />
        Remove the {tag} override
      </label>
    </fieldset>
  );
}

/**
 * Advanced Opt-Out settings: the switch, the global keywords and replies of
 * the three classes, the language and country overrides, and a row to add
 * one. The server checks everything (STOP, START and HELP stay).
 */
export function OptOutSettingsForm({ serviceSid, config }: { serviceSid: string; config: OptOutConfig }) {
  return (
    <ActionForm action={saveOptOutSettingsAction} label="Opt-out settings" className="space-y-6">
      {(state, pending) => {
        const e = state.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="serviceSid" value={serviceSid} />
            <Toggle
              label="Advanced Opt-Out"
              name="advancedOptOut"
              defaultChecked={config.advancedOptOut}
              description="Off: the default keywords and replies apply (STOP, START, HELP and their synonyms); what you set below is kept for later."
            />
            <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
              <legend className="px-1 text-sm font-semibold text-slate-800">Global keywords and replies</legend>
              {FORM_CLASSES.map((c) => (
                <KeywordClassFields
                  key={c}
                  prefix="global"
                  cls={c}
                  keywords={config.global[c].keywords}
                  reply={config.global[c].reply}
                  errors={e}
                  hint={`Separated by commas. ${RESERVED_KEYWORDS[c]} cannot be removed.`}
                />
              ))}
            </fieldset>
            {Object.entries(config.languages).map(([tag, scope]) => (
              <OverrideFieldset key={`l-${tag}`} kind="languages" tag={tag} scope={scope} errors={e} />
            ))}
            {Object.entries(config.countries).map(([tag, scope]) => (
              <OverrideFieldset key={`c-${tag}`} kind="countries" tag={tag} scope={scope} errors={e} />
            ))}
            <fieldset className="space-y-3 rounded-md border border-dashed border-slate-300 p-4">
              <legend className="px-1 text-sm font-semibold text-slate-800">Add an override</legend>
              <p className="text-xs text-slate-500">
                A country override applies to numbers of that country and beats a language override; a language applies when the texted keyword is one of its keywords.
              </p>
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField
                  label="Override type"
                  name="new.kind"
                  defaultValue=""
                  error={e["new.kind"]}
                  options={[
                    { value: "", label: "Choose…" },
                    { value: "language", label: "Language" },
                    { value: "country", label: "Country" },
                  ]}
                />
                <TextField label="Language tag or country code" name="new.key" placeholder="es, pt-BR or MX" error={e["new.key"]} />
              </div>
              {FORM_CLASSES.map((c) => (
                <KeywordClassFields key={c} prefix="new" cls={c} keywords={[]} reply="" errors={e} hint="Leave empty to use the global ones." />
              ))}
            </fieldset>
            {e._form ? <p role="alert" className="text-sm text-red-600">{e._form[0]}</p> : null}
            <Button type="submit" pending={pending}>
              Save opt-out settings
            </Button>
          </>
        );
      }}
    </ActionForm>
  );
}
