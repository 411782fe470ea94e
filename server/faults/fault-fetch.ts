/**
 * The webhook transport with faults in front: a delivery to a URL with a matching `webhook`
 * fault waits `delayMs` (the per-attempt timeout still applies), then fails as the fault says
 * (a status, or a refused connection) or goes out for real. The retry schedule treats the
 * failure as it would a real one.
 */
import type { Faults } from './faults.js';
import { matchesPattern } from './faults.js';

export function createFaultyFetch(faults: Faults, accountId: string, fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const fault = faults.take(accountId, 'webhook', (f) => matchesPattern(f.url, url), `webhook ${url}`);
    if (!fault) return fetchImpl(input, init);
    if (fault.delayMs) await wait(fault.delayMs, init?.signal ?? undefined);
    if (fault.error === 'connection') throw new TypeError(`fetch failed: connection refused (fault ${fault.id})`);
    if (fault.status !== undefined) return new Response(`Fault injected by fluent-sim (${fault.id})`, { status: fault.status });
    return fetchImpl(input, init);
  };
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts (the attempt's timeout). */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
