"use client";

import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { initialActionState, type ActionState } from "@/lib/server/actions/action-state";
import type { Permission } from "@/lib/core/auth/roles";
import { useCan, useViewerRole } from "@/components/auth/viewer-role";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** Raised when any ActionForm succeeds, so the other forms on the page drop their stale errors. */
const SUCCESS_EVENT = "switchyard:action-form-success";

/**
 * A form bound to a server action: pending state, field errors handed to the
 * children, and a toast for the outcome. The toast is raised as soon as the
 * action answers (not in an effect), so it shows even when the answer
 * removes this form from the page (a deleted row, say).
 *
 * The form is submitted by hand rather than through `<form action>`: React
 * resets a form after every action, which threw away what the user typed when
 * the answer was an error. Here the fields are reset only after a success,
 * once the page has re-rendered, and only if nothing was typed since the
 * submit, so they show the saved values (selects are
 * keyed by their default, see components/ui/field.tsx). A field's error is
 * hidden as soon as the user edits that field, and all errors are hidden when
 * another form on the page succeeds.
 */
export function ActionForm({
  action,
  children,
  label,
  onSuccess,
  onError,
  className,
  permission,
}: {
  action: Action;
  children: (state: ActionState, pending: boolean) => ReactNode;
  label: string;
  onSuccess?: (state: ActionState) => void;
  onError?: (state: ActionState) => void;
  /** Kept for callers; every form now resets to its (new) defaults after a success. */
  resetOnSuccess?: boolean;
  className?: string;
  /**
   * What the role must hold to use the form (docs/team.md "Roles"). Without one the form is disabled only
   * for read-only users. A disabled form still shows its values; the server refuses the action regardless.
   */
  permission?: Permission;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const role = useViewerRole();
  const allowed = useCan(permission ?? "services.manage");
  const locked = permission ? !allowed : role === "read_only";
  // Typed into since the last submit: the answer's reset must not wipe it (the success toast shows before
  // the page has re-rendered, and a quick user, or a test, is already typing the next entry).
  const editedSinceSubmit = useRef(false);
  const run = useCallback(
    async (prev: ActionState, form: FormData) => {
      const state = await action(prev, form);
      if (state.ok) {
        if (state.message) toast.success(state.message);
        onSuccess?.(state);
      } else {
        if (state.message) toast.error(state.message);
        onError?.(state);
      }
      return state;
    },
    [action, onSuccess, onError],
  );
  const [state, formAction, pending] = useActionState(run, initialActionState);
  // Errors the user has since dealt with, for the current answer only.
  const [hidden, setHidden] = useState<{ at?: number; all: boolean; names: string[] }>({ all: false, names: [] });

  useEffect(() => {
    if (!state.ok || state.at === undefined) return;
    if (!editedSinceSubmit.current) ref.current?.reset();
    window.dispatchEvent(new CustomEvent(SUCCESS_EVENT, { detail: ref.current }));
  }, [state]);

  useEffect(() => {
    const onOtherSuccess = (e: Event) => {
      if ((e as CustomEvent).detail !== ref.current) setHidden({ at: state.at, all: true, names: [] });
    };
    window.addEventListener(SUCCESS_EVENT, onOtherSuccess);
    return () => window.removeEventListener(SUCCESS_EVENT, onOtherSuccess);
  }, [state.at]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    editedSinceSubmit.current = false;
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };

  const onEdit = (e: FormEvent<HTMLFormElement>) => {
    editedSinceSubmit.current = true;
    const name = (e.target as HTMLInputElement).name;
    if (!name || !state.fieldErrors?.[name]) return;
    setHidden((h) => (h.at === state.at ? { ...h, names: [...h.names, name] } : { at: state.at, all: false, names: [name] }));
  };

  return (
    <form ref={ref} onSubmit={submit} onInput={onEdit} onChange={onEdit} aria-label={label} noValidate className={locked ? undefined : (className ?? "space-y-4")}>
      {locked ? (
        // A disabled fieldset disables every control inside; it takes the form's layout classes (flex, grid, space-y).
        <fieldset disabled className={`m-0 min-w-0 border-0 p-0 ${className ?? "space-y-4"}`}>
          {children(visibleState(state, hidden), pending)}
        </fieldset>
      ) : (
        children(visibleState(state, hidden), pending)
      )}
    </form>
  );
}

function visibleState(state: ActionState, hidden: { at?: number; all: boolean; names: string[] }): ActionState {
  if (hidden.at !== state.at || (!hidden.all && hidden.names.length === 0)) return state;
  if (hidden.all) return { ...state, message: undefined, fieldErrors: undefined };
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).filter(([k]) => !hidden.names.includes(k)));
  return { ...state, fieldErrors };
}
