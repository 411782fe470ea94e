/**
 * Gives an account its webhook delivery: the service that signs and sends what SendWebhook rules
 * ask for, on the retry schedule its retailer's setting names (fluent-platform.md §6.7), and an
 * audit event in the account's event log for every attempt (design §2 principle 6).
 */
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import type { EventLog } from '../orchestration/event-log.js';
import { auditRecord } from '../orchestration/event-records.js';
import type { DomainReader } from '../orchestration/domain-view.js';
import { RETRY_SCHEDULE_SETTING, retryScheduleFromSetting } from './retry-schedule.js';
import { createWebhookService, type WebhookService } from './webhook-service.js';

export type WebhookKeys = { privateKey: KeyObject; publicKeyPem: string };

export type AccountWebhooksOptions = {
  accountId: string;
  clock: Clock;
  ids: Ids;
  /** Reads the retailer's retry schedule setting. */
  port: DomainReader;
  /** Where every attempt leaves its audit event. */
  events: EventLog;
  keys: WebhookKeys;
  timeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
};

export function createAccountWebhooks(options: AccountWebhooksOptions): WebhookService {
  const { accountId, ids, port, events, keys } = options;
  return createWebhookService({
    clock: options.clock,
    ids,
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    retrySchedule: (retailerId) => retryScheduleFromSetting(port.setting(RETRY_SCHEDULE_SETTING, retailerId ?? undefined)),
    onAttempt: (delivery, attempt) => {
      // [inferred] name and attributes: the platform's exact webhook audit is not documented (§8 #17).
      events.append(
        auditRecord({
          id: ids.uuid(),
          name: delivery.name,
          category: 'ACTION',
          accountId,
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
          eventStatus: attempt.status === 'SUCCESS' ? 'COMPLETE' : 'FAILED',
          attributes: [
            { name: 'webhookUrl', value: delivery.url, type: 'STRING' },
            { name: 'attempt', value: attempt.number, type: 'INTEGER' },
            { name: 'responseStatus', value: attempt.responseStatus, type: 'INTEGER' },
            ...(attempt.error ? [{ name: 'error', value: attempt.error, type: 'STRING' }] : []),
          ],
          generatedOn: new Date(attempt.at),
        }),
      );
    },
  });
}
