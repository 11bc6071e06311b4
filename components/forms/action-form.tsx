"use client";

import { useActionState, useCallback, useRef, type ReactNode } from "react";
import { toast } from "sonner";
import { initialActionState, type ActionState } from "@/lib/server/actions/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A form bound to a server action: pending state, field errors handed to the
 * children, and a toast for the outcome. The toast is raised as soon as the
 * action answers (not in an effect), so it shows even when the answer
 * removes this form from the page (a deleted row, say).
 */
export function ActionForm({
  action,
  children,
  label,
  onSuccess,
  resetOnSuccess,
  className,
}: {
  action: Action;
  children: (state: ActionState, pending: boolean) => ReactNode;
  label: string;
  onSuccess?: (state: ActionState) => void;
  resetOnSuccess?: boolean;
  className?: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const run = useCallback(
    async (prev: ActionState, form: FormData) => {
      const state = await action(prev, form);
      if (state.ok) {
        if (state.message) toast.success(state.message);
        if (resetOnSuccess) ref.current?.reset();
        onSuccess?.(state);
      } else if (state.message) {
        toast.error(state.message);
      }
      return state;
    },
    [action, onSuccess, resetOnSuccess],
  );
  const [state, formAction, pending] = useActionState(run, initialActionState);
  return (
    <form ref={ref} action={formAction} aria-label={label} noValidate className={className ?? "space-y-4"}>
      {children(state, pending)}
    </form>
  );
}
