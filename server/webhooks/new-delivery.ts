/**
 * The outbox record of a new delivery (`enqueue`, `replay`): PENDING, due now, with the body it
 * will send and only the content type among its headers until the first attempt signs it.
 */
import { WEBHOOK_CONTENT_TYPE } from './attempt-once.js';
import type { DeliveryId, WebhookDelivery } from './outbox.js';

/** What the caller says of a new delivery; the rest is filled in here. */
export type NewDeliveryFields = Omit<WebhookDelivery, 'id' | 'status' | 'createdOn' | 'headers' | 'body' | 'attempts' | 'nextAttemptAt'>;

export function newDelivery(id: DeliveryId, fields: NewDeliveryFields, bytes: Buffer, now: string): WebhookDelivery {
  return {
    id,
    ...fields,
    status: 'PENDING',
    createdOn: now,
    headers: { 'content-type': WEBHOOK_CONTENT_TYPE },
    body: bytes.toString('utf8'),
    attempts: [],
    nextAttemptAt: now,
  };
}

/** Past the PENDING bound: the record becomes FAILED without an attempt, saying why. */
export function refuseDelivery(record: WebhookDelivery, maxPending: number): void {
  record.status = 'FAILED';
  record.nextAttemptAt = null;
  record.failure = `not sent: ${maxPending} deliveries of this account were already PENDING (the outbox bound); nothing was attempted`;
}
