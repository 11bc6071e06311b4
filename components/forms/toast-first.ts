"use client";

import { toast } from "sonner";
import type { ActionState } from "@/lib/server/actions/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * For forms that disappear when they succeed (a removed row, a bought search
 * result): the revalidated page unmounts them before ActionForm's effect can
 * toast, so toast as soon as the action answers and hand ActionForm a state
 * without the message (no double toast if it is still mounted).
 */
export function toastFirst(action: Action, then?: () => void): Action {
  return async (state, form) => {
    const result = await action(state, form);
    if (!result.ok) return result;
    if (result.message) toast.success(result.message);
    then?.();
    return { ...result, message: undefined };
  };
}
