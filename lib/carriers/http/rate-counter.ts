/** Events per second over the last few seconds (live state's mps in / out). */
export class RateCounter {
  private stamps: number[] = [];
  constructor(private readonly windowMs = 5_000) {}

  hit(now = Date.now()): void {
    this.stamps.push(now);
    if (this.stamps.length > 100_000) this.stamps = this.stamps.slice(-50_000);
  }

  perSecond(now = Date.now()): number {
    const from = now - this.windowMs;
    let i = 0;
    while (i < this.stamps.length && (this.stamps[i] as number) < from) i++;
    if (i) this.stamps = this.stamps.slice(i);
    return Math.round((this.stamps.length / (this.windowMs / 1000)) * 10) / 10;
  }
}
