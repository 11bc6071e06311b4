/**
 * Per-sender counters the Scaler reads: messages in flight and sticky
 * mappings. Typed arrays indexed by the pool's sender index so a scan over a
 * candidate group touches no hash maps. The pool resizes and re-indexes it
 * (by sender id) whenever senders are added or removed.
 */
export class LoadTracker {
  inFlight: Int32Array;
  mappings: Int32Array;

  constructor(size: number) {
    this.inFlight = new Int32Array(size);
    this.mappings = new Int32Array(size);
  }

  /** Copies counters to a new index layout; `newIndexOf[oldIndex]` is -1 for removed senders. */
  reindex(newSize: number, newIndexOf: ArrayLike<number>): void {
    const inFlight = new Int32Array(newSize);
    const mappings = new Int32Array(newSize);
    for (let old = 0; old < newIndexOf.length; old++) {
      const next = newIndexOf[old] ?? -1;
      if (next < 0) continue;
      inFlight[next] = this.inFlight[old] ?? 0;
      mappings[next] = this.mappings[old] ?? 0;
    }
    this.inFlight = inFlight;
    this.mappings = mappings;
  }
}
