/**
 * An open-addressing hash table keyed by E.164 numbers held as doubles (15
 * digits fit exactly), with small-integer values. A Map<string, string> with
 * a million entries costs a cache miss for the bucket, another for the key
 * string it compares and a third for the value; here a lookup touches one
 * slot of two typed arrays, which is what makes sticky lookups cheap.
 */
const EMPTY = 0; // no E.164 number is 0
const TOMBSTONE = -1;

/** "+14155551234" -> 14155551234; NaN when the string is not "+" and 1-15 digits. */
export function e164Key(recipient: string): number {
  const len = recipient.length;
  if (len < 2 || len > 16 || recipient.charCodeAt(0) !== 43) return NaN;
  let n = 0;
  for (let i = 1; i < len; i++) {
    const d = recipient.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n === 0 ? NaN : n;
}

function hash(key: number, mask: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}

export class E164Table {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private used = 0; // live entries + tombstones
  size = 0;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    const { keys, mask } = this;
    let i = hash(key, mask);
    for (;;) {
      const k = keys[i] as number;
      if (k === key || k === EMPTY) return i;
      i = (i + 1) & mask;
    }
  }

  get(key: number): number | undefined {
    const i = this.slot(key);
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  set(key: number, value: number): void {
    const i = this.slot(key);
    if (this.keys[i] === key) {
      this.values[i] = value;
      return;
    }
    // A tombstone on the probe path could be reused; keeping it simple, rehash clears them.
    this.keys[i] = key;
    this.values[i] = value;
    this.size++;
    if (++this.used * 2 > this.keys.length) this.rehash(this.size * 2 > this.keys.length / 2 ? this.keys.length * 2 : this.keys.length);
  }

  delete(key: number): boolean {
    const i = this.slot(key);
    if (this.keys[i] !== key) return false;
    this.keys[i] = TOMBSTONE;
    this.size--;
    return true;
  }

  forEach(fn: (key: number, value: number) => void): void {
    const { keys, values } = this;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k !== EMPTY && k !== TOMBSTONE) fn(k, values[i] as number);
    }
  }

  private rehash(capacity: number): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.used = 0;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i] as number;
      if (k !== EMPTY && k !== TOMBSTONE) this.set(k, oldValues[i] as number);
    }
  }
}
