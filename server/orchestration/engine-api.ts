/**
 * The orchestration engine's interface: what callers submit, what they get back, what the
 * engine needs injected and what it keeps in snapshots. The engine itself is `engine.ts`.
 */
import type { Clock } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import type { EventLog, EventStatus } from './event-log.js';
import type { ExecutionTrace } from './execution-trace.js';
import type { DomainPort, EntityView } from './domain-view.js';
import type { OrchestrationEvent } from './orchestration-event.js';
import type { RuleRegistry } from './rule-registry.js';
import type { WebhookQueue } from './webhook-queue.js';
import type { WorkflowStore } from './workflow-store.js';

export type EventMode = 'sync' | 'async';

/** An event as a client (REST body, batch record, CREATE hook) hands it to the engine (§3.2). */
export type SubmitEventInput = Omit<OrchestrationEvent, 'id' | 'accountId' | 'attributes' | 'sourceEvents'> & {
  /** Generated (UUID) when absent. */
  id?: string | undefined;
  /** The engine's account when absent. */
  accountId?: string | undefined;
  attributes?: Record<string, unknown> | undefined;
  sourceEvents?: string[] | undefined;
};

export type SubmitOptions = {
  mode: EventMode;
  /** `source` of the ORCHESTRATION record (§3.6, e.g. `Fluent-API`). @default null */
  source?: string | null;
  /** `generatedBy` of the ORCHESTRATION record. @default 'Rubix User' */
  generatedBy?: string;
  /**
   * Batch records [simulator]: the event and every event it raises keep their ORCHESTRATION
   * records (searchable, with their final status), but only failures leave ORCHESTRATION_AUDIT
   * records and no execution trace is kept (`explain` answers 404). The batch's own
   * `BATCH_COMPLETE` audit and its per-record results stand for the rest (fluent-platform.md
   * §3.5, §4.6). @default false
   */
  quiet?: boolean;
};

/**
 * What `submit` answers. Sync: COMPLETE, FAILED or NO_MATCH (§3.4), or SCHEDULED for a future
 * `scheduledOn`. Async: PENDING (or SCHEDULED); the final status lands in the event log.
 */
export type SubmitResult = {
  eventId: string;
  entityId: string | null;
  eventStatus: Extract<EventStatus, 'COMPLETE' | 'FAILED' | 'NO_MATCH' | 'PENDING' | 'SCHEDULED'>;
  /**
   * FAILED: why. NO_MATCH: only when the workflow has no ruleset of the event's name (close
   * ruleset names, other versions that have one); a simulator-only hint.
   */
  errorMessage?: string;
};

export type EngineLogger = {
  debug?(message: string, data?: unknown): void;
  warn?(message: string, data?: unknown): void;
  error?(message: string, data?: unknown): void;
};

/**
 * Which stored version runs for an entity.
 * - `entity`: the latest minor of the major its `workflowVersion` names (see
 *   `workflowVersionNumber`), else the latest;
 * - `latest`: always the latest.
 */
export type WorkflowVersionPolicy = 'entity' | 'latest';

export type EngineDeps = {
  domain: DomainPort;
  clock: Clock;
  ids: Ids;
  accountId: string;
  registry: RuleRegistry;
  workflows: WorkflowStore;
  events: EventLog;
  webhooks: WebhookQueue;
  /** Fault injection (`/_sim/faults`): real milliseconds an async event stays PENDING before it is queued. */
  asyncDelayMs?: (event: { name: string }) => number | undefined;
  /** Events one execution may process before it is stopped as a runaway loop (style.md §8). @default 500 */
  maxEventsPerExecution?: number;
  /** Execution traces kept for `explain` (oldest dropped first). @default 10000 */
  maxTraces?: number;
  /** @default 'entity' */
  workflowVersionPolicy?: WorkflowVersionPolicy;
  logger?: EngineLogger;
};

export type QueuedEventData = { event: OrchestrationEvent; depth: number };
export type EngineData = {
  /** Events waiting for the queue, in order. */
  queue: QueuedEventData[];
  /** Events waiting for the virtual clock; `at` is epoch ms. */
  scheduled: (QueuedEventData & { at: number })[];
};

export interface Engine {
  submit(event: SubmitEventInput, options: SubmitOptions): Promise<SubmitResult>;
  /** Resolves when the queue is empty (scheduled events wait for the clock). */
  drain(): Promise<void>;
  /**
   * The domain layer calls this after a create mutation; raises `CREATE` for the entity types
   * marked ✓ in fluent-platform.md §3.3. Returns the event id, or undefined when none is raised.
   */
  onEntityCreated(entity: EntityView): string | undefined;
  /**
   * Runs `run` with the `CREATE` events its mutations raise outside an execution made quiet (see
   * `SubmitOptions.quiet`): the writes of a LOCATION, PRODUCT, SKU or CATEGORY batch record.
   */
  quietly<T>(run: () => T): T;
  explain(eventId: string): ExecutionTrace | undefined;
  /** Queue length and scheduled count (diagnostics, readiness). */
  stats(): { queued: number; scheduled: number };
  /** Drops the queue, scheduled events and traces (reset). */
  clear(): void;
  toJSON(): EngineData;
  restore(data: EngineData): void;
}
