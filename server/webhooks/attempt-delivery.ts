/**
 * One attempt of a delivery, as data: sign the body once (off the event loop), POST it, and
 * describe the outcome as a `WebhookAttempt`. Never throws: a signing error is a failed attempt.
 */
import type { KeyObject } from 'node:crypto';
import { deliverOnce, type FetchLike } from './deliver.js';
import type { WebhookAttempt, WebhookDelivery } from './outbox.js';
import { signBodyAsync } from './sign.js';

export const CONTENT_TYPE = 'application/json';

/** The bytes of a delivery and whether its signature headers were already computed. */
export type SignedBody = { record: WebhookDelivery; bytes: Buffer; signed: boolean };

export type AttemptDeliveryOptions = {
  fetch: FetchLike;
  privateKey: KeyObject;
  timeoutMs: number;
  signal: AbortSignal;
  /** Attempt number (1-based) and ISO instant on the virtual clock. */
  number: number;
  at: string;
};

export async function attemptDelivery(body: SignedBody, options: AttemptDeliveryOptions): Promise<WebhookAttempt> {
  const { number, at } = options;
  const { record } = body;
  try {
    if (!body.signed) {
      const signatures = await signBodyAsync(body.bytes, options.privateKey);
      record.headers = { 'content-type': CONTENT_TYPE, ...signatures };
      body.signed = true;
    }
    const outcome = await deliverOnce(options.fetch, { url: record.url, headers: record.headers, body: body.bytes, timeoutMs: options.timeoutMs, signal: options.signal });
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
