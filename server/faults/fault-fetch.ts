/**
 * The webhook transport with faults in front: a delivery to a URL with a matching `webhook`
 * fault waits `delayMs` (the per-attempt timeout still applies), then fails as the fault says
 * (a status, or a refused connection) or goes out for real. The retry schedule treats the
 * failure as it would a real one.
 */
import { httpPost } from '../webhooks/http-post.js';
import type { Faults } from './faults.js';
import { matchesPattern } from './faults.js';

/** Bytes of an answer kept for the outbox (the webhook service keeps at most this much too). */
const EXCERPT_BYTES = 2_048;

/**
 * The webhook service's own `node:http` transport as a fetch, so that faults sit in front of
 * the default transport without replacing it with the slower global fetch.
 */
const nodeHttpFetch: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const body = Buffer.from((init?.body ?? new Uint8Array()) as Uint8Array);
  const answer = await httpPost(url, (init?.headers ?? {}) as Record<string, string>, body, init?.signal ?? new AbortController().signal, EXCERPT_BYTES);
  return new Response(new Uint8Array(answer.bodyStart), { status: answer.status });
};

/** `fetchImpl`: an injected fetch (tests); without one, the default `node:http` transport. */
export function createFaultyFetch(faults: Faults, accountId: string, fetchImpl: typeof fetch = nodeHttpFetch): typeof fetch {
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
