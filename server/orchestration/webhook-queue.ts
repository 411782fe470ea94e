/**
 * The hand-off from the engine to webhook delivery: rules ask for webhooks, the engine queues
 * them here, the account's webhook service signs and sends them.
 */
import type { WebhookEvent } from '../webhooks/payload.js';

/** One webhook the engine asks the delivery layer to send (fluent-platform.md §6). */
export type WebhookRequest = {
  /** Webhook name (the event `name` in the payload). */
  name: string;
  url: string;
  accountId: string;
  retailerId: string;
  /** The payload, built from the target entity as it is when the rule runs (§6.2). */
  event: WebhookEvent;
  /** The orchestration event whose rule asked for it. */
  sourceEventId: string;
};

export interface WebhookQueue {
  enqueue(request: WebhookRequest): void;
}
