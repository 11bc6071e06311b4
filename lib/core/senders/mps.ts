import type { SenderType } from "./sender-type";

/** Default messages per second by sender type (docs/product.md "Messages and the pipeline"; RCS like WhatsApp). */
export const DEFAULT_MPS = {
  long_code: 1,
  toll_free: 3,
  short_code: 100,
  alpha: 10,
  whatsapp: 80,
  rcs: 80,
} as const satisfies Record<SenderType, number>;

/** A sender's own limit when set, else its type's default. */
export function effectiveMps(kind: SenderType, own: number | null | undefined): number {
  return own ?? DEFAULT_MPS[kind];
}
