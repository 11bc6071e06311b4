import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500";

interface FieldShell {
  label: string;
  name: string;
  /** Defaults to `name`; set it when two forms on one page share a field name. */
  id?: string;
  error?: string[] | string;
  hint?: ReactNode;
}

function Shell({ label, name, id = name, error, hint, children }: FieldShell & { children: ReactNode }) {
  const message = Array.isArray(error) ? error[0] : error;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !message ? <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
      {message ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, name, id = name, error, hint, ...props }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const invalid = Boolean(Array.isArray(error) ? error.length : error);
  return (
    <Shell label={label} name={name} id={id} error={error} hint={hint}>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={control}
        {...props}
      />
    </Shell>
  );
}

export function TextAreaField({ label, name, id = name, error, hint, rows = 2, ...props }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const invalid = Boolean(Array.isArray(error) ? error.length : error);
  return (
    <Shell label={label} name={name} id={id} error={error} hint={hint}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={control}
        {...props}
      />
    </Shell>
  );
}

export function SelectField({
  label,
  name,
  id = name,
  error,
  hint,
  options,
  ...props
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const invalid = Boolean(Array.isArray(error) ? error.length : error);
  return (
    <Shell label={label} name={name} id={id} error={error} hint={hint}>
      {/* React applies a select's defaultValue only when it mounts, so a form reset after a save would
          bring back the value the page loaded with; keying by it remounts the select with the saved one. */}
      <select key={props.defaultValue === undefined ? undefined : String(props.defaultValue)} id={id} name={name} aria-invalid={invalid || undefined} className={control} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A labelled switch backed by a real checkbox (keyboard and forms work as usual). */
export function Toggle({
  label,
  name,
  defaultChecked,
  description,
}: {
  label: string;
  name: string;
  defaultChecked?: boolean;
  description?: ReactNode;
}) {
  return (
    <div className="flex items-start gap-3">
      {/* An unchecked box sends nothing; this makes "off" explicit (the last value wins). */}
      <input type="hidden" name={name} value="false" />
      <input
        id={name}
        value="true"
        name={name}
        type="checkbox"
        role="switch"
        defaultChecked={defaultChecked}
        className="peer mt-0.5 h-5 w-9 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-300 transition before:block before:size-4 before:translate-x-0.5 before:translate-y-0.5 before:rounded-full before:bg-white before:shadow before:transition checked:bg-indigo-600 checked:before:translate-x-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      />
      <div>
        <label htmlFor={name} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {description ? <p className="text-xs text-slate-500">{description}</p> : null}
      </div>
    </div>
  );
}
