/**
 * One attempt of a delivery: signs its bytes on first use (`signBodyAsync`, off the event loop;
 * the signature headers are kept on the record) and sends them (`deliverOnce`). Never throws: a
 * signing error is a failed attempt, as data, like any network failure.
 */
import type { KeyObject } from 'node:crypto';
import { deliverOnce, type FetchLike } from './deliver.js';
import type { DeliveryState } from './delivery-state.js';
import type { WebhookAttempt } from './outbox.js';
import { signBodyAsync } from './sign.js';

export const WEBHOOK_CONTENT_TYPE = 'application/json';

export type AttemptTransport = {
  privateKey: KeyObject;
  /** `undefined`: the default `node:http` transport. */
  fetch: FetchLike | undefined;
  timeoutMs: number;
};

export async function attemptOnce(transport: AttemptTransport, state: DeliveryState, number: number, at: string, signal: AbortSignal): Promise<WebhookAttempt> {
  const { record } = state;
  try {
    await sign(state, transport.privateKey);
    const outcome = await deliverOnce(transport.fetch, { url: record.url, headers: record.headers, body: state.bytes, timeoutMs: transport.timeoutMs, signal });
    return {
      number,
      at,
      status: outcome.ok ? 'SUCCESS' : 'FAILED',
      responseStatus: outcome.responseStatus,
      responseBodyExcerpt: outcome.responseBodyExcerpt,
      error: outcome.error,
      durationMs: outcome.durationMs,
    };
  } catch (error) {
    // Signing failed (a bad key): a failed attempt, as data.
    const message = error instanceof Error ? error.message : String(error);
    return { number, at, status: 'FAILED', responseStatus: null, responseBodyExcerpt: '', error: `signing error: ${message}`, durationMs: 0 };
  }
}

async function sign(state: DeliveryState, privateKey: KeyObject): Promise<void> {
  if (state.signed) return;
  const signatures = await signBodyAsync(state.bytes, privateKey);
  state.record.headers = { 'content-type': WEBHOOK_CONTENT_TYPE, ...signatures };
  state.signed = true;
}
