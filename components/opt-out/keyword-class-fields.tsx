import type { KeywordClassName } from "@/lib/core/opt-out/opt-out";
import { TextField } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/field";

export const CLASS_LABELS: Record<KeywordClassName, string> = { optOut: "Opt-out", optIn: "Opt-in", help: "Help" };

/** Keywords and reply of one class in one scope; field names are config paths (`<prefix>.<class>.keywords`). */
export function KeywordClassFields({
  prefix,
  cls,
  keywords,
  reply,
  errors,
  hint,
}: {
  prefix: string;
  cls: KeywordClassName;
  keywords: string[];
  reply: string;
  errors: Record<string, string[]>;
  hint?: string;
}) {
  const name = `${prefix}.${cls}`;
  return (
    <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
      <TextField
        label={`${CLASS_LABELS[cls]} keywords`}
        name={`${name}.keywords`}
        defaultValue={keywords.join(", ")}
        error={errors[`${name}.keywords`]}
        hint={hint ?? "Separated by commas; letters and digits, up to 34 each."}
      />
      <TextAreaField label={`${CLASS_LABELS[cls]} reply`} name={`${name}.reply`} defaultValue={reply} error={errors[`${name}.reply`]} maxLength={1600} />
    </div>
  );
}
