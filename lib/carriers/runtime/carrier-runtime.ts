import { CarrierRegistry } from "./carrier-registry";

/**
 * The process's one carrier registry, started with the pipeline workers
 * (lib/server/pipeline/start-workers.ts) and stopped with the last of them
 * (a test process may run several worker pools; they share the binds).
 */
let registry: CarrierRegistry | null = null;
let starting: Promise<CarrierRegistry> | null = null;
let users = 0;

export function currentRegistry(): CarrierRegistry | null {
  return registry;
}

export async function startCarrierRuntime(): Promise<{ stop(): Promise<void> }> {
  users++;
  if (!starting) {
    const r = new CarrierRegistry();
    starting = r.start().then(() => (registry = r));
  }
  await starting;
  let stopped = false;
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      if (--users > 0) return;
      const r = registry;
      registry = null;
      starting = null;
      await r?.stop();
    },
  };
}
