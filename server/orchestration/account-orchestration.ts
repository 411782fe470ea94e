/**
 * The orchestration part of one account: its workflows (the defaults in `rulesets/` and a user
 * folder), its event log, the engine over the account's domain port, and the domain hooks
 * through which create mutations raise CREATE events (design §2 principle 3).
 */
import type { DomainHooks } from '../domain/entities.js';
import { FLUENT_ENTITY_TYPES } from '../domain/overrides.js';
import type { Clock } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import type { CompiledWorkflow } from './compile-workflow.js';
import { createEngine } from './engine.js';
import type { Engine } from './engine-api.js';
import type { WebhookQueue } from './webhook-queue.js';
import type { EventLog } from './event-log.js';
import type { DomainPort } from './domain-view.js';
import type { RuleRegistry } from './rule-registry.js';
import { createWorkflowStore, type WorkflowStore } from './workflow-store.js';

export type Orchestration = {
  readonly registry: RuleRegistry;
  readonly workflows: WorkflowStore;
  /** The workflows the folders held when the account was created (for the start-up report). */
  readonly loaded: readonly CompiledWorkflow[];
  readonly events: EventLog;
  readonly engine: Engine;
  /** The webhook requests rules made, in order (delivery is the webhook service's job). */
  readonly webhooks: WebhookQueue;
};

export type OrchestrationOptions = {
  accountId: string;
  clock: Clock;
  ids: Ids;
  /** The engine's view of the account's data. */
  port: DomainPort;
  events: EventLog;
  /** The entity service's hooks: the engine sets them (CREATE events, workflow versions). */
  hooks: DomainHooks;
  registry: RuleRegistry;
  /** Workflow folders loaded in order (later files win for the same name). */
  workflowDirs: readonly string[];
  /** Where the engine hands the webhooks rules ask for (the account's delivery service). */
  webhooks: WebhookQueue;
  /** Fault injection: real milliseconds an async event waits before it is processed. */
  asyncDelayMs?: ((event: { name: string }) => number | undefined) | undefined;
};

export async function createOrchestration(options: OrchestrationOptions): Promise<Orchestration> {
  const { port, events, hooks, webhooks } = options;
  const workflows = createWorkflowStore({ registry: options.registry });
  const loaded = await workflows.loadDirs(options.workflowDirs);
  const engine = createEngine({
    domain: port,
    clock: options.clock,
    ids: options.ids,
    accountId: options.accountId,
    registry: options.registry,
    workflows,
    events,
    webhooks,
    ...(options.asyncDelayMs ? { asyncDelayMs: options.asyncDelayMs } : {}),
  });
  hooks.onCreated = (record) => {
    const entityType = FLUENT_ENTITY_TYPES[record.__typename];
    const view = entityType && port.find({ entityType, id: record.id });
    if (view) engine.onEntityCreated(view);
  };
  hooks.workflowVersion = (workflowRef, retailerId) => workflows.versionNumberFor(workflowRef, retailerId);
  return { registry: options.registry, workflows, loaded, events, engine, webhooks };
}
