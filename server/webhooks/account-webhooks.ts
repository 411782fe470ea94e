/**
 * Gives an account its webhook delivery: the service that signs and sends what SendWebhook rules
 * ask for, on the retry schedule its retailer's setting names (fluent-platform.md §6.7), and an
 * audit event in the account's event log for every attempt (design §2 principle 6).
 */
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import type { AccountId } from '../domain/ids.js';
import type { DomainReader } from '../orchestration/domain-view.js';
import type { EventLog } from '../orchestration/event-log.js';
import { auditRecord } from '../orchestration/event-records.js';
import type { Dispatcher } from './dispatcher.js';
import type { WebhookAttempt, WebhookDelivery } from './outbox.js';
import { RETRY_SCHEDULE_SETTING, retryScheduleFromSetting } from './retry-schedule.js';
import { createWebhookService, type WebhookService } from './webhook-service.js';

export type WebhookKeys = { privateKey: KeyObject; publicKeyPem: string };

export type AccountWebhooksOptions = {
  accountId: AccountId;
  clock: Clock;
  ids: Ids;
  /** Reads the retailer's retry schedule setting. */
  port: DomainReader;
  /** Where every attempt leaves its audit event. */
  events: EventLog;
  keys: WebhookKeys;
  timeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
  maxPending?: number | undefined;
  dispatcher?: Dispatcher | undefined;
};

type AuditTarget = Pick<AccountWebhooksOptions, 'accountId' | 'ids' | 'events'>;

/**
 * The ORCHESTRATION_AUDIT event (category ACTION, the webhook's name) for an attempt, or for a
 * delivery refused at the PENDING bound (no attempt; attribute `error` says why).
 * [inferred] name and attributes: the platform's exact webhook audit is not documented (§8 #17).
 */
function auditDelivery(target: AuditTarget, delivery: WebhookDelivery, attempt: WebhookAttempt | undefined): void {
  const error = attempt ? attempt.error : (delivery.failure ?? null);
  target.events.append(
    auditRecord({
      id: target.ids.uuid(),
      name: delivery.name,
      category: 'ACTION',
      accountId: target.accountId,
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

export function createAccountWebhooks(options: AccountWebhooksOptions): WebhookService {
  const { keys, port } = options;
  return createWebhookService({
    clock: options.clock,
    ids: options.ids,
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    retrySchedule: (retailerId) => retryScheduleFromSetting(port.setting(RETRY_SCHEDULE_SETTING, retailerId ?? undefined)),
    ...(options.maxPending === undefined ? {} : { maxPending: options.maxPending }),
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    onAttempt: (delivery, attempt) => auditDelivery(options, delivery, attempt),
    onRejected: (delivery) => auditDelivery(options, delivery, undefined),
  });
}
