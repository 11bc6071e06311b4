import { describe, expect, it } from "vitest";
import { addMoPart, expireMoSets, isValidPart, type MoStore } from "./mo-reassembly";

const part = (sequence: number, text: string, extra: Partial<{ reference: number; from: string; total: number }> = {}) => ({
  from: extra.from ?? "+447700900001",
  to: "+447700900100",
  reference: extra.reference ?? 7,
  total: extra.total ?? 3,
  sequence,
  text,
});

describe("MO reassembly", () => {
  it("passes a single part straight through", () => {
    const store: MoStore = new Map();
    expect(addMoPart(store, part(1, "hi", { total: 1 }), 0)).toBe("hi");
    expect(store.size).toBe(0);
  });

  it("completes a set in any order and removes it", () => {
    const store: MoStore = new Map();
    expect(addMoPart(store, part(3, "c"), 0)).toBeNull();
    expect(addMoPart(store, part(1, "a"), 1)).toBeNull();
    expect(addMoPart(store, part(2, "b"), 2)).toBe("abc");
    expect(store.size).toBe(0);
  });

  it("keeps sets apart by sender and reference; a repeated part replaces its copy", () => {
    const store: MoStore = new Map();
    addMoPart(store, part(1, "a1"), 0);
    addMoPart(store, part(1, "b1", { reference: 8 }), 0);
    addMoPart(store, part(1, "c1", { from: "+15005550006" }), 0);
    addMoPart(store, part(1, "A1"), 0);
    addMoPart(store, part(2, "A2"), 0);
    expect(store.size).toBe(3);
    expect(addMoPart(store, part(3, "A3"), 0)).toBe("A1A2A3");
  });

  it("drops sets older than the timeout, and only those", () => {
    const store: MoStore = new Map();
    addMoPart(store, part(1, "old"), 1000);
    addMoPart(store, part(1, "new", { reference: 9 }), 50_000);
    expect(expireMoSets(store, 60_999, 60_000)).toEqual([]);
    expect(expireMoSets(store, 61_000, 60_000)).toEqual([
      { from: "+447700900001", to: "+447700900100", reference: 7, received: 1, total: 3 },
    ]);
    expect(store.size).toBe(1);
    // A late part of a dropped set starts a new, incomplete set.
    expect(addMoPart(store, part(2, "late"), 61_001)).toBeNull();
  });

  it("validates part numbers", () => {
    expect(isValidPart({ total: 3, sequence: 3 })).toBe(true);
    expect(isValidPart({ total: 3, sequence: 4 })).toBe(false);
    expect(isValidPart({ total: 0, sequence: 0 })).toBe(false);
    expect(isValidPart({ total: 2, sequence: 0 })).toBe(false);
  });
});
