/** Small measuring helpers for the benchmark script. */
import { request } from 'node:http';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Closed-loop load with a few concurrent keep-alive connections for `durationMs`; returns req/s. */
export async function requestsPerSecond(url: string, body: unknown, headers: Record<string, string>, durationMs: number, concurrency = 8): Promise<number> {
  const payload = JSON.stringify(body);
  const target = new URL(url);
  const deadline = Date.now() + durationMs;
  let done = 0;
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
        (res) => {
          res.resume();
          res.on('end', () => resolve());
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        await one();
        done += 1;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}
