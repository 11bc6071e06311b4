/**
 * Which carriers may take a message, in failover order (docs/carriers.md
 * "Which carrier sends a message"). Pure: the runtime passes what it loaded.
 *
 * 1. The sender's own carrier (a number or short code lives on one carrier).
 * 2. Otherwise the account's longest prefix route matching the recipient
 *    (an alpha sender, or a number bound to the account default that the
 *    operator wants routed by destination), its carriers in order.
 * 3. Otherwise the account's default carrier.
 * 4. The built-in simulator only when the account has no enabled carrier.
 * Nothing left: the message fails (no usable carrier).
 */
export interface CarrierChoiceInput {
  /** The sender row's carrier_sid (null: bound to the account default). */
  senderCarrierSid: string | null;
  to: string;
  /** Enabled carriers of the account. */
  enabled: ReadonlySet<string>;
  defaultSid: string | null;
  routes: readonly { prefix: string; carrierSids: readonly string[] }[];
}

export type CarrierChoice =
  | { kind: "simulator"; trace: string[] }
  | { kind: "carriers"; carrierSids: string[]; trace: string[] }
  | { kind: "none"; trace: string[]; reason: string };

/** The route whose prefix is the longest one the recipient starts with ("+44" matches "+447…"; "" matches all). */
export function longestPrefixRoute<R extends { prefix: string }>(routes: readonly R[], to: string): R | undefined {
  const digits = to.replace(/^\+/, "");
  let best: R | undefined;
  for (const r of routes) {
    const p = r.prefix.replace(/^\+/, "");
    if (digits.startsWith(p) && (!best || p.length > best.prefix.replace(/^\+/, "").length)) best = r;
  }
  return best;
}

export function chooseCarriers(input: CarrierChoiceInput): CarrierChoice {
  if (input.enabled.size === 0) return { kind: "simulator", trace: ["carrier: the account has no enabled carrier, built-in simulator"] };
  if (input.senderCarrierSid) {
    if (input.enabled.has(input.senderCarrierSid)) return { kind: "carriers", carrierSids: [input.senderCarrierSid], trace: [`carrier: sender bound to ${input.senderCarrierSid}`] };
    return { kind: "none", trace: [`carrier: sender bound to ${input.senderCarrierSid}, which is disabled or deleted`], reason: `the sender's carrier ${input.senderCarrierSid} is disabled or deleted` };
  }
  const route = longestPrefixRoute(input.routes, input.to);
  if (route) {
    const usable = route.carrierSids.filter((s) => input.enabled.has(s));
    const skipped = route.carrierSids.filter((s) => !input.enabled.has(s));
    const trace = [`carrier: route ${route.prefix || "(all)"} → ${route.carrierSids.join(", ") || "(empty)"}`];
    if (skipped.length) trace.push(`carrier: skipped disabled ${skipped.join(", ")}`);
    if (usable.length) return { kind: "carriers", carrierSids: usable, trace };
    return { kind: "none", trace, reason: `no enabled carrier in route ${route.prefix || "(all)"}` };
  }
  if (input.defaultSid && input.enabled.has(input.defaultSid)) return { kind: "carriers", carrierSids: [input.defaultSid], trace: [`carrier: account default ${input.defaultSid}`] };
  return { kind: "none", trace: ["carrier: no sender carrier, no matching route, no default carrier"], reason: "no carrier for this sender or destination (no route matches and there is no default carrier)" };
}
