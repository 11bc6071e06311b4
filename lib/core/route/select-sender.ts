import { twilioError } from "../errors";
import type { RoutingPool } from "./pool";
import { selectRcsChannel, selectWhatsapp } from "./select-channel";
import { fail, type Decision, type SelectContext } from "./select-decision";
import { selectExplicit } from "./select-explicit";
import { selectSms } from "./select-sms-tiers";
import type { SelectRequest, SelectResult } from "./types";

export type { SelectContext } from "./select-decision";

/**
 * Picks the sender for one message (docs/product.md "Sender selection"). Pure apart from the
 * pool's round robin cursors: sticky changes are returned (`stickyWrite`,
 * `stickyDelete`) for the caller to persist (see applyStickyChanges).
 */
export function selectSender(pool: RoutingPool, req: SelectRequest, ctx: SelectContext): SelectResult {
  const d: Decision = { pool, to: req.to, ctx, trace: [], warnings: [] };
  if (req.from !== undefined) return selectExplicit(d, req);
  if (pool.size === 0) {
    d.trace.push("pool: no senders");
    return fail(d, twilioError(21704));
  }
  switch (req.to.channel) {
    case "whatsapp":
      return selectWhatsapp(d);
    case "rcs":
      return selectRcsChannel(d, req);
    case "sms":
      return selectSms(d, req);
  }
}
