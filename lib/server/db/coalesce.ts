/**
 * Group commit for hot paths. Calls made while up to `maxInFlight`
 * statements are already running are queued, and the next statement takes
 * them all (up to `maxBatch`): idle, a call runs at once (next tick) on its
 * own; under load, batches grow by themselves. Postgres on a small box
 * commits a few hundred single-row transactions per second but thousands of
 * rows per second in batched statements, so every per-message write on the
 * send path goes through one of these.
 *
 * `run` gets the batch and returns one result per item, in order. If it
 * throws for a batch of several, each item is retried alone, so one bad
 * item (or a conflict between items) fails only its own caller.
 * `keyOf`, when given, keeps two items with the same key out of one batch
 * and out of two statements running at once (a statement may not update
 * the same row twice, and two concurrent ones would race): the later item
 * waits until the earlier one's statement is done, as it would in sequence.
 */
export interface CoalesceOptions<I, O> {
  maxBatch: number;
  maxInFlight: number;
  run(items: I[]): Promise<O[]>;
  keyOf?(item: I): string;
}

interface Pending<I, O> {
  item: I;
  resolve(o: O): void;
  reject(e: unknown): void;
}

export function coalesce<I, O>(opts: CoalesceOptions<I, O>): (item: I) => Promise<O> {
  let queue: Pending<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;
  /** Keys of items whose statement is running. */
  const busy = new Set<string>();

  const take = (): Pending<I, O>[] => {
    if (!opts.keyOf) {
      const batch = queue.slice(0, opts.maxBatch);
      queue = queue.slice(batch.length);
      return batch;
    }
    const keys = new Set<string>();
    const batch: Pending<I, O>[] = [];
    const rest: Pending<I, O>[] = [];
    for (const p of queue) {
      const k = opts.keyOf(p.item);
      if (batch.length < opts.maxBatch && !keys.has(k) && !busy.has(k)) {
        keys.add(k);
        batch.push(p);
      } else rest.push(p);
    }
    queue = rest;
    return batch;
  };

  const runOne = async (batch: Pending<I, O>[]) => {
    try {
      const out = await opts.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(out[i] as O));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      await Promise.all(
        batch.map((p) =>
          opts.run([p.item]).then(
            (o) => p.resolve(o[0] as O),
            (e: unknown) => p.reject(e),
          ),
        ),
      );
    }
  };

  const pump = () => {
    scheduled = false;
    while (inFlight < opts.maxInFlight && queue.length > 0) {
      const batch = take();
      if (batch.length === 0) return; // everything queued waits for a running statement
      const keys = opts.keyOf ? batch.map((p) => opts.keyOf!(p.item)) : [];
      for (const k of keys) busy.add(k);
      inFlight++;
      void runOne(batch).finally(() => {
        inFlight--;
        for (const k of keys) busy.delete(k);
        if (queue.length > 0) schedule();
      });
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // setImmediate, not a microtask: calls started in the same I/O turn join this batch.
    setImmediate(pump);
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (inFlight < opts.maxInFlight) schedule();
    });
}
