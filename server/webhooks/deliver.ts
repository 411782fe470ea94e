/**
 * One webhook attempt over HTTP: POST the exact signed bytes, classify the outcome as data.
 * Never throws; retries and bookkeeping are the service's job (`webhook-service.ts`).
 *
 * A 2xx answer is a success. A non-2xx answer (redirects are not followed, so 3xx included),
 * a connection error and a timeout are failures (fluent-platform.md §8 #18).
 */
import { propertyOf } from '../lib/guards.js';
import { httpPost } from './http-post.js';
import { RESPONSE_EXCERPT_MAX_CHARS } from './outbox.js';

export type FetchLike = typeof globalThis.fetch;

export type AttemptRequest = {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Per-request network timeout (real time), covering connect, answer and excerpt read. */
  timeoutMs: number;
  /** Aborts the attempt from outside (service clear/close). */
  signal?: AbortSignal | undefined;
};

export type AttemptOutcome = {
  ok: boolean;
  responseStatus: number | null;
  responseBodyExcerpt: string;
  error: string | null;
  durationMs: number;
};

// Enough bytes for RESPONSE_EXCERPT_MAX_CHARS UTF-16 code units of any UTF-8 text.
const EXCERPT_MAX_BYTES = RESPONSE_EXCERPT_MAX_CHARS * 4;

/** The answer's status (as soon as it is known) and the start of its body. */
type Exchange = { status: number | null; excerpt: string };

/** POSTs through the injected `fetch`, or `node:http` (http-post.ts) when there is none. */
async function exchange(fetchImpl: FetchLike | undefined, request: AttemptRequest, signal: AbortSignal, answer: Exchange): Promise<void> {
  if (!fetchImpl) {
    const { status, bodyStart } = await httpPost(request.url, request.headers, request.body, signal, EXCERPT_MAX_BYTES);
    answer.status = status;
    answer.excerpt = toExcerpt(bodyStart);
    return;
  }
  const response = await fetchImpl(request.url, {
    method: 'POST',
    headers: request.headers,
    // A Buffer is a Uint8Array over an ArrayBuffer (never shared here); sent byte for byte.
    body: request.body as Uint8Array<ArrayBuffer>,
    redirect: 'manual',
    signal,
  });
  answer.status = response.status;
  answer.excerpt = await readExcerpt(response);
}

/**
 * Sends one attempt and reports its outcome; never throws (failures are data). Without
 * `fetchImpl`, the default `node:http` transport.
 */
export async function deliverOnce(fetchImpl: FetchLike | undefined, request: AttemptRequest): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 100) / 100;
  // One controller per attempt, aborted by the network timeout (real time, not domain time) or
  // by the caller's signal. Cheaper than AbortSignal.timeout + AbortSignal.any, and leaves no
  // listener behind on the caller's signal.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const outer = request.signal;
  const onOuterAbort = (): void => controller.abort();
  if (outer?.aborted) controller.abort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  const answer: Exchange = { status: null, excerpt: '' };
  try {
    await exchange(fetchImpl, request, controller.signal, answer);
    const status = answer.status ?? 0;
    const ok = status >= 200 && status <= 299;
    return {
      ok,
      responseStatus: answer.status,
      responseBodyExcerpt: answer.excerpt,
      error: ok ? null : `HTTP ${status}: the receiver answered with a non-2xx status`,
      durationMs: elapsed(),
    };
  } catch (error) {
    const reason = timedOut
      ? `timeout: no complete answer within ${request.timeoutMs} ms`
      : controller.signal.aborted
        ? 'aborted: the delivery was cleared or the simulator is shutting down'
        : describeError(error);
    return { ok: false, responseStatus: answer.status, responseBodyExcerpt: '', error: reason, durationMs: elapsed() };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** Reads at most EXCERPT_MAX_BYTES of the body and stops; the rest is discarded. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  while (size < EXCERPT_MAX_BYTES) {
    const { done, value } = await reader.read();
    if (done) {
      complete = true;
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  if (!complete) await reader.cancel().catch(() => undefined);
  return toExcerpt(Buffer.concat(chunks));
}

/** At most RESPONSE_EXCERPT_MAX_CHARS characters of the answer's first bytes, as UTF-8 text. */
function toExcerpt(bytes: Buffer): string {
  return new TextDecoder().decode(bytes.subarray(0, EXCERPT_MAX_BYTES)).slice(0, RESPONSE_EXCERPT_MAX_CHARS);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // node:http reports network failures as system errors with a code (ECONNREFUSED, …).
    if (typeof propertyOf(error, 'code') === 'string' && propertyOf(error, 'syscall') !== undefined) {
      return `connection error: ${error.message}`;
    }
    // undici reports network failures as TypeError("fetch failed") with the real reason as cause.
    const { cause } = error;
    if (cause instanceof Error) {
      const code = propertyOf(cause, 'code');
      const reason = cause.message || (typeof code === 'string' ? code : String(cause));
      return `connection error: ${reason}`;
    }
    return `${error.name === 'TypeError' ? 'request error' : error.name}: ${error.message}`;
  }
  return `request error: ${String(error)}`;
}
