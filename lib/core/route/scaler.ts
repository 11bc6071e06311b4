import type { LoadTracker } from "./load-tracker";
import type { Group, IndexedSender } from "./pool";

export interface ScalerPick {
  sender: IndexedSender;
  /** Human-readable reason, "" when there was a single candidate. */
  note: string;
}

/**
 * Scaler (docs/product.md "Scaler"): fewest messages in flight, then (Sticky Sender on)
 * fewest sticky mappings, then round robin over the tied senders using the
 * group's own cursor, so repeated ties rotate evenly and deterministically.
 */
export function scale(
  group: Group,
  candidates: readonly IndexedSender[],
  load: LoadTracker,
  useMappings: boolean,
): ScalerPick | undefined {
  const n = candidates.length;
  const first = candidates[0];
  if (first === undefined) return undefined;
  if (n === 1) return { sender: first, note: "" };
  const inFlight = load.inFlight;
  const mappings = load.mappings;
  let bestFlight = Infinity;
  let bestMap = Infinity;
  let ties = 0;
  for (let i = 0; i < n; i++) {
    const idx = (candidates[i] as IndexedSender).index;
    const f = inFlight[idx] ?? 0;
    const m = useMappings ? (mappings[idx] ?? 0) : 0;
    if (f < bestFlight || (f === bestFlight && m < bestMap)) {
      bestFlight = f;
      bestMap = m;
      ties = 1;
    } else if (f === bestFlight && m === bestMap) {
      ties++;
    }
  }
  let want = group.rr % ties;
  group.rr = (group.rr + 1) | 0;
  let chosen = first;
  for (let i = 0; i < n; i++) {
    const s = candidates[i] as IndexedSender;
    const f = inFlight[s.index] ?? 0;
    const m = useMappings ? (mappings[s.index] ?? 0) : 0;
    if (f === bestFlight && m === bestMap && want-- === 0) {
      chosen = s;
      break;
    }
  }
  const busy = useMappings ? `${bestFlight} in flight, ${bestMap} mappings` : `${bestFlight} in flight`;
  const note =
    ties > 1 ? `least busy of ${n} (${busy}), round robin among ${ties}` : `least busy of ${n} (${busy})`;
  return { sender: chosen, note };
}
