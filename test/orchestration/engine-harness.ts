/**
 * Test harness for the orchestration layer: a frozen virtual clock, deterministic ids, the fake
 * domain, a registry with small test rules (namespace `test.`), a workflow store, an event log, a
 * capturing webhook queue and the engine, wired as the app wires them.
 */
import { z } from 'zod';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import { createEngine } from '../../server/orchestration/engine.js';
import type { WorkflowVersionPolicy } from '../../server/orchestration/engine-api.js';
import type { WebhookRequest } from '../../server/orchestration/webhook-queue.js';
import { createEventLog, type EventRecord } from '../../server/orchestration/event-log.js';
import { defineRule, type AnyRule, type Effect } from '../../server/orchestration/port.js';
import { createRuleRegistry, type UnknownRulePolicy } from '../../server/orchestration/rule-registry.js';
import { createWorkflowStore } from '../../server/orchestration/workflow-store.js';
import { createFakeDomain } from '../support/fake-domain.js';

export const T0 = new Date('2026-03-02T09:00:00.000Z');

const target = (entity: { entityType: string; id: string; ref: string | undefined }) => ({
  entityType: entity.entityType,
  id: entity.id,
  ref: entity.ref,
});

export const TEST_RULES: readonly AnyRule[] = [
  defineRule({
    name: 'test.SetState',
    aliases: ['testlib.ChangeState'],
    description: 'Sets the status of the event entity.',
    props: z.object({ status: z.string().min(1) }),
    run: ({ entity, props }) => [{ type: 'setStatus', target: target(entity), status: props.status }],
  }),
  defineRule({
    name: 'test.SendEvent',
    description: 'Sends eventName to the event entity, or to the order toOrderRef (another root).',
    props: z.object({ eventName: z.string(), delayMs: z.number().optional(), toOrderRef: z.string().optional() }),
    run: ({ event, entity, props }) => [
      {
        type: 'sendEvent',
        event: {
          name: props.eventName,
          retailerId: event.retailerId,
          entityType: props.toOrderRef ? 'ORDER' : entity.entityType,
          entityRef: props.toOrderRef ?? entity.ref,
          ...(props.toOrderRef ? {} : { entityId: entity.id }),
          attributes: {},
          ...(props.delayMs !== undefined ? { delayMs: props.delayMs } : {}),
        },
      },
    ],
  }),
  defineRule({
    name: 'test.Throw',
    description: 'Throws props.message.',
    props: z.object({ message: z.string() }),
    run: ({ props }) => {
      throw new Error(props.message);
    },
  }),
  defineRule({
    name: 'test.CreateFulfilment',
    description: 'Creates a fulfilment for the order (a mutate effect).',
    props: z.object({ ref: z.string() }),
    run: ({ entity, props }) => [{ type: 'mutate', mutation: 'createFulfilment', input: { ref: props.ref, type: 'HD_PFDC', order: { id: entity.id } } }],
  }),
  defineRule({
    name: 'test.SendEventToFulfilments',
    description: "Sends eventName to each of the order's fulfilments.",
    props: z.object({ eventName: z.string() }),
    run: ({ event, entity, props, read }) =>
      read.children(target(entity), 'FULFILMENT').map(
        (fulfilment): Effect => ({
          type: 'sendEvent',
          event: { name: props.eventName, retailerId: event.retailerId, entityType: 'FULFILMENT', entityId: fulfilment.id, attributes: {} },
        }),
      ),
  }),
  defineRule({
    name: 'test.Webhook',
    description: 'Posts a webhook about the event entity.',
    props: z.object({ name: z.string(), url: z.string() }),
    run: ({ entity, props }) => [{ type: 'webhook', name: props.name, url: props.url, target: target(entity) }],
  }),
  defineRule({
    name: 'test.AuditStatus',
    description: 'Leaves a CUSTOM audit with the status the rule sees.',
    props: z.object({}),
    run: ({ entity }) => [{ type: 'audit', category: 'CUSTOM', name: 'seen-status', attributes: [{ name: 'status', type: 'STRING', value: entity.status }] }],
  }),
];

export type RulesetSpec = { name: string; type?: string; subtype?: string; triggers?: string[]; rules: [string, Record<string, unknown>?][] };

/** An ORDER::HD workflow (Fluent JSON) from compact ruleset specs. */
export function orderWorkflow(rulesets: RulesetSpec[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    retailerId: '1',
    version: '1.0',
    entityType: 'ORDER',
    entitySubtype: 'HD',
    statuses: [{ name: 'CREATED', entityType: 'ORDER', category: 'BOOKING' }],
    rulesets: rulesets.map((ruleset) => ({
      name: ruleset.name,
      type: ruleset.type ?? 'ORDER',
      ...(ruleset.subtype !== undefined ? { subtype: ruleset.subtype } : {}),
      eventType: 'NORMAL',
      triggers: (ruleset.triggers ?? []).map((status) => ({ status })),
      rules: ruleset.rules.map(([name, props]) => ({ name: `ACME.${name}`, props: props ?? null })),
      userActions: [],
    })),
    ...extra,
  };
}

export type HarnessOptions = {
  workflows?: Record<string, unknown>[];
  unknownRulePolicy?: UnknownRulePolicy;
  maxEventsPerExecution?: number;
  workflowVersionPolicy?: WorkflowVersionPolicy;
};

export function createHarness(options: HarnessOptions = {}) {
  const clock = createClock({ start: T0, frozen: true });
  const ids = createIds({ deterministicUuids: true });
  const domain = createFakeDomain();
  const registry = createRuleRegistry(TEST_RULES, { unknownRulePolicy: options.unknownRulePolicy ?? 'error' });
  const workflows = createWorkflowStore({ registry });
  for (const workflow of options.workflows ?? []) workflows.load(workflow, 'test-workflow.json');
  const events = createEventLog({ clock });
  const sent: WebhookRequest[] = [];
  const engine = createEngine({
    domain,
    clock,
    ids,
    accountId: 'ACME',
    registry,
    workflows,
    events,
    webhooks: { enqueue: (request) => void sent.push(request) },
    ...(options.maxEventsPerExecution !== undefined ? { maxEventsPerExecution: options.maxEventsPerExecution } : {}),
    ...(options.workflowVersionPolicy !== undefined ? { workflowVersionPolicy: options.workflowVersionPolicy } : {}),
  });
  domain.onEntityCreated = (entity) => void engine.onEntityCreated(entity);

  /** Every stored record, oldest first. */
  const all = (): EventRecord[] => events.search({ count: 5000 }).results.reverse();
  /** Audit records caused by one event. */
  const auditsOf = (eventId: string): EventRecord[] => all().filter((r) => r.type === 'ORCHESTRATION_AUDIT' && r.context.sourceEvents.includes(eventId));
  /** ORCHESTRATION records, oldest first. */
  const orchestration = (): EventRecord[] => all().filter((r) => r.type === 'ORCHESTRATION');

  return { clock, ids, domain, registry, workflows, events, engine, webhooks: sent, all, auditsOf, orchestration };
}
