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
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
        },
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

/** One printed line: figure, value, and the same-run baseline / target with the ratio. */
export type Row = [figure: string, value: string, comparison: string];

export const MiB = 2 ** 20;

export const msSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6;

/** Collects garbage when node runs with --expose-gc (the bench's children do). */
export const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Memory use after two collections (what stays, not what waits to be collected). */
export const settledMemory = (): NodeJS.MemoryUsage => {
  gc();
  gc();
  return process.memoryUsage();
};

/** Bytes as whole MiB, for a figure. */
export const mib = (bytes: number): string => (bytes / MiB).toFixed(0);

/** `--quick` (CI smoke, not gating): smaller loads and shorter runs; set by run.ts for every section. */
export const QUICK = process.env['FLUENT_SIM_BENCH_QUICK'] === '1';

/**
 * "baseline 240 ms → 3.1× (target ≤ 3×: not met)": `ratio` is value / baseline; `target` is the
 * largest (or, with `atLeast`, smallest) ratio the issue asks for.
 */
export function versus(value: number, baseline: number, baselineText: string, target?: { ratio: number; atLeast?: boolean }): string {
  const ratio = value / baseline;
  let text = `${baselineText} → ${ratio.toFixed(2)}×`;
  if (target) {
    const met = target.atLeast ? ratio >= target.ratio : ratio <= target.ratio;
    text += ` (target ${target.atLeast ? '≥' : '≤'} ${target.ratio}×: ${met ? 'met' : 'NOT MET'})`;
  }
  return text;
}

/** "target ≤ 1,000 ms: met" for absolute targets. */
export function against(value: number, target: number, unit: string, atLeast = false): string {
  const met = atLeast ? value >= target : value <= target;
  return `target ${atLeast ? '≥' : '≤'} ${target.toLocaleString('en')} ${unit}: ${met ? 'met' : 'NOT MET'}`;
}

/**
 * POSTs JSON on a new connection (no keep-alive pool: a pooled socket the server closed while
 * the bench was loading data would fail) and returns the parsed answer.
 */
export function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
  const payload = JSON.stringify(body);
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
