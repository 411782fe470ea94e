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
  const answer = await httpPost(url, headersOf(init?.headers), bytesOf(init?.body), init?.signal ?? new AbortController().signal, EXCERPT_BYTES);
  return new Response(new Uint8Array(answer.bodyStart), { status: answer.status });
};

/** The request headers as one record (a `Headers` object gives its names lower-cased). */
function headersOf(headers: HeadersInit | undefined): Record<string, string> {
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers);
  return headers ?? {};
}

/** The request body's bytes: the webhook service sends a Buffer; a string is sent as UTF-8. */
function bytesOf(body: BodyInit | null | undefined): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (body instanceof Uint8Array || typeof body === 'string') return Buffer.from(body);
  throw new TypeError('the node:http webhook transport sends bytes or text only');
}

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
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
