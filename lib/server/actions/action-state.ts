/** What every server action answers; forms render it (field errors, toast). */
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The Twilio error code of a refusal (an AppError), so the form can show and explain it. */
  code?: number;
  /** Changes on every answer so the form can tell two identical answers apart. */
  at?: number;
  data?: Record<string, unknown>;
}

export const initialActionState: ActionState = { ok: false };
