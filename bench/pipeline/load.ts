import http from "node:http";

export interface LoadResult {
  sent: number;
  errors: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  /** Open loop: how late the generator itself started requests whose lane was free (timer and event-loop lag), p99 in ms. */
  lagP99?: number;
  firstError?: string;
}

/**
 * POSTs form bodies over keep-alive connections with bounded concurrency
 * (`concurrency` requests in flight) until `total` requests are done or
 * `seconds` elapse. Latency is per request, in ms.
 *
 * Closed loop by default (a lane sends its next request when the last one
 * answers). With `rate`, open loop: request i is due at i / rate seconds and
 * its latency counts from then, so a server falling behind shows as latency
 * and a lower rate instead of being hidden by the generator waiting for it;
 * `concurrency` is then only a cap on requests in flight.
 */
export async function drive(opts: { url: string; auth: string; concurrency: number; total: number; seconds: number; rate?: number; body: (i: number) => string }): Promise<LoadResult> {
  const u = new URL(opts.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  const dueAt = (i: number) => (opts.rate ? start + (i * 1000) / opts.rate : performance.now());
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const payload = opts.body(i);
      const t0 = Math.min(dueAt(i), performance.now());
      const req = http.request(
        { host: u.hostname, port: u.port, path: u.pathname, method: "POST", agent, headers: { authorization: opts.auth, "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(payload) } },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => (text += d.toString()));
          res.on("end", () => {
            lat.push(performance.now() - t0);
            if (res.statusCode !== 201) {
              errors++;
              firstError ??= `${res.statusCode} ${text.slice(0, 200)}`;
            }
            resolve();
          });
        },
      );
      req.on("error", (e) => {
        errors++;
        firstError ??= String(e);
        resolve();
      });
      req.end(payload);
    });
  const lags: number[] = [];
  const lane = async () => {
    while (next < opts.total && performance.now() < deadline) {
      const i = next++;
      const wait = dueAt(i) - performance.now();
      if (wait > 0) {
        await new Promise((r) => setTimeout(r, wait));
        lags.push(performance.now() - dueAt(i));
      }
      await one(i);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? 0;
  lags.sort((a, b) => a - b);
  const lagP99 = opts.rate && lags.length ? lags[Math.min(lags.length - 1, Math.floor(0.99 * lags.length))] : undefined;
  return { sent: lat.length, errors, seconds, rate: lat.length / seconds, p50: pct(50), p99: pct(99), max: lat[lat.length - 1] ?? 0, lagP99, firstError };
}
