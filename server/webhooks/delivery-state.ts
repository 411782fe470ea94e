/**
 * What the webhook service keeps beside each outbox record while it is alive: the exact bytes
 * to sign and send, the receiver's origin (the dispatcher's per-origin limit), when the current
 * attempt started (retries count from it), and where the delivery is in the pump.
 */
import type { TimerHandle } from '../lib/clock.js';
import type { WebhookDelivery } from './outbox.js';

export type DeliveryPhase = 'ready' | 'in-flight' | 'waiting' | 'done';

export type DeliveryState = {
  record: WebhookDelivery;
  bytes: Buffer;
  origin: string;
  /** Virtual time the current (or last) attempt started, epoch ms: retries count from it. */
  attemptStartedMs: number;
  /** Signature headers were computed with this service's key. */
  signed: boolean;
  timer: TimerHandle | undefined;
  phase: DeliveryPhase;
};

/** The state of a record just added to the outbox: waiting for its first turn, or done. */
export function newDeliveryState(record: WebhookDelivery, bytes: Buffer, signed: boolean, nowMs: number): DeliveryState {
  const phase = record.status === 'PENDING' ? 'waiting' : 'done';
  return { record, bytes, origin: originOf(record.url), attemptStartedMs: nowMs, signed, timer: undefined, phase };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
