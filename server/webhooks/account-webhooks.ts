/**
 * Gives an account its webhook delivery: the service that signs and sends what SendWebhook rules
 * ask for, on the retry schedule its retailer's setting names (fluent-platform.md §6.7), and an
 * audit event in the account's event log for every attempt (design §2 principle 6).
 */
import type { KeyObject } from 'node:crypto';
import type { Account } from '../account.js';
import { createDomainPort } from '../orchestration/domain-port.js';
import { auditRecord } from '../orchestration/event-records.js';
import type { Dispatcher } from './dispatcher.js';
import type { WebhookAttempt, WebhookDelivery } from './outbox.js';
import { RETRY_SCHEDULE_SETTING, retryScheduleFromSetting } from './retry-schedule.js';
import { createWebhookService, type WebhookService } from './webhook-service.js';

export type WebhookKeys = { privateKey: KeyObject; publicKeyPem: string };

export type AttachWebhooksOptions = { timeoutMs?: number; fetch?: typeof fetch; maxPending?: number; dispatcher?: Dispatcher };

/**
 * The ORCHESTRATION_AUDIT event (category ACTION, the webhook's name) for an attempt, or for a
 * delivery refused at the PENDING bound (no attempt; attribute `error` says why).
 * [inferred] name and attributes: the platform's exact webhook audit is not documented (§8 #17).
 */
function auditDelivery(account: Account, delivery: WebhookDelivery, attempt: WebhookAttempt | undefined): void {
  const error = attempt ? attempt.error : (delivery.failure ?? null);
  account.orchestration?.events.append(
    auditRecord({
      id: account.ids.uuid(),
      name: delivery.name,
      category: 'ACTION',
      accountId: account.id,
      retailerId: delivery.retailerId,
      context: {
        sourceEvents: [delivery.sourceEventId],
        entityType: delivery.entityType,
        entityId: delivery.entityId,
        entityRef: delivery.entityRef,
        rootEntityType: null,
        rootEntityId: null,
        rootEntityRef: null,
      },
      eventStatus: attempt?.status === 'SUCCESS' ? 'COMPLETE' : 'FAILED',
      attributes: [
        { name: 'webhookUrl', value: delivery.url, type: 'STRING' },
        { name: 'attempt', value: attempt?.number ?? 0, type: 'INTEGER' },
        { name: 'responseStatus', value: attempt?.responseStatus ?? null, type: 'INTEGER' },
        ...(error ? [{ name: 'error', value: error, type: 'STRING' }] : []),
      ],
      generatedOn: new Date(attempt?.at ?? delivery.createdOn),
    }),
  );
}

export function attachWebhooks(account: Account, keys: WebhookKeys, options: AttachWebhooksOptions = {}): WebhookService {
  const domain = createDomainPort(account);
  const service = createWebhookService({
    clock: account.clock,
    ids: account.ids,
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    retrySchedule: (retailerId) => retryScheduleFromSetting(domain.setting(RETRY_SCHEDULE_SETTING, retailerId ?? undefined)),
    ...(options.maxPending === undefined ? {} : { maxPending: options.maxPending }),
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    onAttempt: (delivery, attempt) => auditDelivery(account, delivery, attempt),
    onRejected: (delivery) => auditDelivery(account, delivery, undefined),
  });
  account.parts.set('webhooks', { toJSON: () => service.toJSON(), restore: (d) => service.restore(d as never), clear: () => void service.clear() });
  return service;
}
