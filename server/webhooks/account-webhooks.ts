/**
 * Gives an account its webhook delivery: the service that signs and sends what SendWebhook rules
 * ask for, on the retry schedule its retailer's setting names (fluent-platform.md §6.7), and an
 * audit event in the account's event log for every attempt (design §2 principle 6).
 */
import type { KeyObject } from 'node:crypto';
import type { Account } from '../account.js';
import { createDomainPort } from '../orchestration/domain-port.js';
import { auditRecord } from '../orchestration/event-records.js';
import { RETRY_SCHEDULE_SETTING, retryScheduleFromSetting } from './retry-schedule.js';
import { createWebhookService, type WebhookService } from './webhook-service.js';

export type WebhookKeys = { privateKey: KeyObject; publicKeyPem: string };

export function attachWebhooks(account: Account, keys: WebhookKeys, options: { timeoutMs?: number; fetch?: typeof fetch } = {}): WebhookService {
  const domain = createDomainPort(account);
  const service = createWebhookService({
    clock: account.clock,
    ids: account.ids,
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    retrySchedule: (retailerId) => retryScheduleFromSetting(domain.setting(RETRY_SCHEDULE_SETTING, retailerId ?? undefined)),
    onAttempt: (delivery, attempt) => {
      // [inferred] name and attributes: the platform's exact webhook audit is not documented (§8 #17).
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
  account.parts.set('webhooks', { toJSON: () => service.toJSON(), restore: (d) => service.restore(d as never), clear: () => void service.clear() });
  return service;
}
