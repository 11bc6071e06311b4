/** Events per second over the last few whole seconds (BindState.mpsOut / mpsIn). */
export class RateWindow {
  private readonly counts = new Map<number, number>();

  constructor(private readonly seconds = 5) {}

  add(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    this.counts.set(second, (this.counts.get(second) ?? 0) + 1);
    if (this.counts.size > this.seconds + 2) {
      for (const key of this.counts.keys()) if (key < second - this.seconds) this.counts.delete(key);
    }
  }

  /** Average over the last `seconds` complete seconds. */
  perSecond(nowMs: number): number {
    const current = Math.floor(nowMs / 1000);
    let total = 0;
    for (let s = current - this.seconds; s < current; s++) total += this.counts.get(s) ?? 0;
    return Math.round((total / this.seconds) * 10) / 10;
  }
}
