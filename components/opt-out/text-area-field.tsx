import type { TextareaHTMLAttributes } from "react";

/** A labelled textarea with the same error/hint wiring as components/ui TextField. */
export function TextAreaField({ label, name, id = name, error, hint, ...props }: { label: string; name: string; id?: string; error?: string[]; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const message = error?.[0];
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={2}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500"
        {...props}
      />
      {hint && !message ? <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
      {message ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {message}
        </p>
      ) : null}
    </div>
  );
}
