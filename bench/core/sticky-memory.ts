import { InMemoryStickyStore } from "@/lib/core/route/sticky-store";
import { fmt, gc } from "./stats";

/**
 * Memory used by 1,000,000 SMS mappings in the in-memory store. Measured as
 * heapUsed + arrayBuffers after - before, with full GCs (--expose-gc): the
 * store's hash table lives in typed arrays, outside the JS heap.
 */
export function benchStickyMemory(): { mappings: number; bytes: number; bytesPerMapping: number } {
  const ids = Array.from({ length: 10_000 }, (_, i) => `PN${i}`);
  gc();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const store = new InMemoryStickyStore();
  for (let i = 0; i < 1_000_000; i++) {
    // Recipient strings built like parsed E.164 (flat, one-byte).
    store.set("sms", `+1${2002000000 + i * 7}`, ids[i % ids.length] ?? "PN0");
  }
  gc();
  const bytes = used() - before;
  if (store.size("sms") !== 1_000_000) throw new Error("store size");
  return { mappings: store.size("sms"), bytes, bytesPerMapping: bytes / store.size("sms") };
}

export function printStickyMemory(r: ReturnType<typeof benchStickyMemory>): void {
  console.log(
    `sticky memory: ${fmt(r.mappings)} mappings use ${fmt(r.bytes / 1024 / 1024, 1)} MB (heap + array buffers) (${fmt(r.bytesPerMapping, 0)} bytes per mapping)`,
  );
}
