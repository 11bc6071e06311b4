"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { toast } from "sonner";
import { initialActionState, type ActionState } from "@/lib/server/actions/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A form bound to a server action: pending state, field errors handed to the
 * children, and a toast for the outcome.
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
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const ref = useRef<HTMLFormElement>(null);
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!state.at || state.at === seen.current) return;
    seen.current = state.at;
    if (state.ok) {
      if (state.message) toast.success(state.message);
      if (resetOnSuccess) ref.current?.reset();
      onSuccess?.(state);
    } else if (state.message) {
      toast.error(state.message);
    }
  }, [state, onSuccess, resetOnSuccess]);
  return (
    <form ref={ref} action={formAction} aria-label={label} noValidate className={className ?? "space-y-4"}>
      {children(state, pending)}
    </form>
  );
}
