/**
 * Attaches the orchestration engine to one account: its workflows (the defaults in `rulesets/`
 * and a user folder), its event log, the engine over the account's domain port, and the domain
 * hooks through which create mutations raise CREATE events (design §2 principle 3).
 */
import type { Account } from '../account.js';
import type { Clock } from '../lib/clock.js';
import type { CompiledWorkflow } from './compile-workflow.js';
import { createDomainPort, viewOf } from './domain-port.js';
import { createEngine } from './engine.js';
import type { Engine, WebhookQueue, WebhookRequest } from './engine-types.js';
import { createEventLog, type EventLog, type EventRetention } from './event-log.js';
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

/** Keeps webhook requests when no delivery service is attached (tests, `--webhooks off`). */
export function createRecordingWebhookQueue(): WebhookQueue & { requests: WebhookRequest[] } {
  const requests: WebhookRequest[] = [];
  return { requests, enqueue: (request) => void requests.push(request) };
}

export type OrchestrationOptions = {
  registry: RuleRegistry;
  /** Workflow folders loaded in order (later files win for the same name). */
  workflowDirs: readonly string[];
  webhooks?: WebhookQueue;
  /** @default DEFAULT_EVENT_RETENTION (event-log.ts) */
  eventRetention?: EventRetention;
  /** Fault injection: real milliseconds an async event waits before it is processed. */
  asyncDelayMs?: (event: { name: string }) => number | undefined;
};

export async function attachOrchestration(account: Account, options: OrchestrationOptions): Promise<Orchestration> {
  const workflows = createWorkflowStore({ registry: options.registry });
  const loaded = await workflows.loadDirs(options.workflowDirs);
  const events = createEventLog({ clock: account.clock as Clock, ...(options.eventRetention ? { retention: options.eventRetention } : {}) });
  const webhooks = options.webhooks ?? createRecordingWebhookQueue();
  const engine = createEngine({
    domain: createDomainPort(account),
    clock: account.clock,
    ids: account.ids,
    accountId: account.id,
    registry: options.registry,
    workflows,
    events,
    webhooks,
    ...(options.asyncDelayMs ? { asyncDelayMs: options.asyncDelayMs } : {}),
  });
  account.hooks.onCreated = (record) => {
    const view = viewOf(account, record);
    if (view) engine.onEntityCreated(view);
  };
  account.hooks.workflowVersion = (workflowRef, retailerId) => workflows.versionNumberFor(workflowRef, retailerId);
  account.parts.set('workflows', { toJSON: () => workflows.toJSON(), restore: (d) => workflows.restore(d as never), clear: () => workflows.clear() });
  account.parts.set('events', { toJSON: () => events.toJSON(), restore: (d) => events.restore(d as never), clear: () => events.clear() });
  account.parts.set('engine', { toJSON: () => engine.toJSON(), restore: (d) => engine.restore(d as never), clear: () => engine.clear() });
  return { registry: options.registry, workflows, loaded, events, engine, webhooks };
}
