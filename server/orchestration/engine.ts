/**
 * The orchestration engine ("Rubix", fluent-platform.md §5.3): takes events, finds the entity and
 * its workflow, matches rulesets, runs their rules, applies the effects, and records everything in
 * the event log (ORCHESTRATION + ORCHESTRATION_AUDIT) and in a per-event trace.
 *
 * Execution model:
 * - an *execution* starts from one event (a REST event, a queued event, a scheduled event firing)
 *   and processes it, then the events raised for the same root entity, inline, in order (§5.3 #3);
 *   events for other root entities go to the queue and get their own execution;
 * - rules and the DomainPort are synchronous, so an execution never interleaves with another;
 * - the queue is pumped on the next turn of the event loop (`setImmediate`, not domain time) and by
 *   `drain()`; scheduled events wait for the virtual clock (`clock.schedule`), never `setTimeout`;
 * - an execution that processes more than `maxEventsPerExecution` events, or a chain of queued
 *   events deeper than that, is stopped with a FAILED event (style.md §8 loop guard);
 * - a rule that throws fails its event and execution: FAILED + an `exception` audit (§5.3 #4).
 *   Effects already applied are not rolled back.
 */
import { SimError } from '../domain/errors.js';
import { BoundedMap } from '../lib/bounded-map.js';
import type { TimerHandle } from '../lib/clock.js';
import { applyEffect, type EffectContext, type RaisedEvent } from './apply-effect.js';
import { compileWorkflow, type CompiledRuleset, type CompiledWorkflow } from './compile-workflow.js';
import { CREATE_EVENT_ENTITY_TYPES, CREATE_EVENT_NAME, CREATE_EVENT_ROOT_SUBTYPES } from './create-event.js';
import type { Engine, EngineDeps, EventMode, SubmitResult } from './engine-api.js';
import type { EventAttribute, EventContext, EventStatus } from './event-log.js';
import { auditRecord, contextOfEntity, contextOfEvent, ENGINE_USER, orchestrationRecord } from './event-records.js';
import { newTrace, type ExecutionTrace, type RuleStep, type TraceOutcome } from './execution-trace.js';
import { explainNoMatch, matchingRulesets, matchRulesets, type MatchResult } from './matcher.js';
import type { EntityView } from './domain-view.js';
import type { OrchestrationEvent } from './orchestration-event.js';
import type { CompiledRule } from './rule-registry.js';
import { defaultWorkflowName, parseWorkflow } from './workflow.js';

/**
 * An event waiting in (or taken from) the engine's queue, with how deep in a chain it was raised.
 * `quiet`: only failures are audited and no trace is kept (SubmitOptions.quiet).
 */
type PendingEvent = { event: OrchestrationEvent; depth: number; mode: EventMode; runOnce?: CompiledWorkflow; quiet?: boolean };
type RootRef = { entityType: string; id: string | undefined; ref: string | undefined };
type Execution = {
  top: PendingEvent;
  root: RootRef | undefined;
  inline: PendingEvent[];
  processed: number;
  recent: string[];
  current: PendingEvent | undefined;
  failure: string | undefined;
};
type Processed = { status: Extract<EventStatus, 'COMPLETE' | 'FAILED' | 'NO_MATCH'>; entityId: string | null; message?: string };
type RuleFailure = { message: string; rule: string; ruleset: string };
/** The version an event runs on; `pinned`: the root entity's `workflowVersion` (its major) that chose it. */
type FoundWorkflow = { workflow: CompiledWorkflow; retailerId: string | undefined; pinned: number | undefined };

export function createEngine(deps: EngineDeps): Engine {
  const maxEvents = deps.maxEventsPerExecution ?? 500;
  const maxTraces = deps.maxTraces ?? 10_000;
  const versionPolicy = deps.workflowVersionPolicy ?? 'entity';
  const log = deps.logger ?? {};
  let queue: PendingEvent[] = [];
  const scheduled = new Map<string, { job: PendingEvent; at: number; handle: TimerHandle }>();
  const traces = new BoundedMap<string, ExecutionTrace>(maxTraces);
  let execution: Execution | undefined;
  let pumpArmed = false;
  /** > 0 while `quietly` runs: CREATE events raised outside an execution are quiet. */
  let quietScope = 0;
  /** Async events held back by an injected fault, by event id (queued when their timer fires). */
  const delayed = new Map<string, { job: PendingEvent; timer: NodeJS.Timeout }>();

  // ── recording ───────────────────────────────────────────────────────────────────────────

  /** A quiet event (its job's `quiet`) keeps no trace, and its audits are written only when they report a failure. */
  function record(event: OrchestrationEvent, mode: EventMode, source: string | null, generatedBy: string, quiet = false): void {
    deps.events.append(orchestrationRecord(event, { eventStatus: 'PENDING', generatedOn: deps.clock.nowMs(), source, generatedBy }));
    if (!quiet) startTrace(event, mode);
  }

  function startTrace(event: OrchestrationEvent, mode: EventMode): ExecutionTrace {
    const trace = newTrace(event, mode, deps.clock.now().toISOString());
    traces.set(event.id, trace);
    return trace;
  }

  /** The event's trace; a restored event (snapshot) gets a fresh one, and a record if the log lacks it. */
  function traceFor(job: PendingEvent): ExecutionTrace {
    if (job.quiet) return newTrace(job.event, job.mode, '', false);
    const existing = traces.get(job.event.id);
    if (existing) return existing;
    if (!deps.events.peek(job.event.id)) record(job.event, job.mode, null, ENGINE_USER);
    return traces.get(job.event.id) ?? startTrace(job.event, job.mode);
  }

  function finish(job: PendingEvent, status: EventStatus, outcome: TraceOutcome): void {
    deps.events.update(job.event.id, { eventStatus: status });
    // A quiet event keeps no trace.
    const trace = job.quiet ? undefined : traces.get(job.event.id);
    if (trace) trace.outcome = outcome;
  }

  /** An audit of the job's event; a quiet job's are written only when they report a failure. */
  function audit(
    job: PendingEvent,
    fields: { name: string | null; category: string; context: EventContext; attributes: EventAttribute[] | null; eventStatus?: EventStatus },
  ): void {
    if (job.quiet && fields.eventStatus !== 'FAILED') return;
    const { event } = job;
    deps.events.append(
      auditRecord({
        id: deps.ids.uuid(),
        accountId: event.accountId,
        retailerId: event.retailerId,
        generatedOn: deps.clock.nowMs(),
        eventStatus: fields.eventStatus ?? 'COMPLETE',
        name: fields.name,
        category: fields.category,
        context: fields.context,
        attributes: fields.attributes,
      }),
    );
  }

  /** "An exception audit includes the stack trace and the name of the executing rule/ruleset" (§3.7). */
  function exceptionAudit(job: PendingEvent, context: EventContext, error: unknown, where: { rule?: string; ruleset?: string }): void {
    const attributes: EventAttribute[] = [{ name: 'message', type: 'STRING', value: messageOf(error) }];
    if (where.rule !== undefined) attributes.push({ name: 'ruleName', type: 'STRING', value: where.rule });
    if (where.ruleset !== undefined) attributes.push({ name: 'ruleSetName', type: 'STRING', value: where.ruleset });
    if (error instanceof Error && error.stack) attributes.push({ name: 'stackTrace', type: 'STRING', value: error.stack });
    audit(job, { name: error instanceof Error ? error.name : 'Exception', category: 'exception', context, attributes, eventStatus: 'FAILED' });
  }

  // ── dispatch: inline, queued or scheduled ───────────────────────────────────────────────

  function scheduledAt(event: OrchestrationEvent): number | undefined {
    if (!event.scheduledOn) return undefined;
    const at = Date.parse(event.scheduledOn);
    if (Number.isNaN(at)) throw new SimError('VALIDATION_FAILED', `'scheduledOn' is not a valid date-time: ${event.scheduledOn}`);
    return at > deps.clock.nowMs() ? at : undefined;
  }

  /** `ScheduleEvent` sets `scheduledOn`; the event is SCHEDULED until the clock reaches it (§5.3). */
  function schedule(job: PendingEvent, at: number): void {
    deps.events.update(job.event.id, { eventStatus: 'SCHEDULED' });
    const trace = traces.get(job.event.id);
    if (trace) trace.outcome = { type: 'scheduled', at: new Date(at).toISOString() };
    const handle = deps.clock.schedule(at, () => {
      scheduled.delete(job.event.id);
      deps.events.update(job.event.id, { eventStatus: 'PENDING' });
      queue.push(job);
      runQueue();
    });
    scheduled.set(job.event.id, { job, at, handle });
  }

  function hold(job: PendingEvent, delayMs: number): void {
    const timer = setTimeout(() => {
      delayed.delete(job.event.id);
      enqueue(job);
    }, delayMs);
    timer.unref();
    delayed.set(job.event.id, { job, timer });
  }

  function enqueue(job: PendingEvent): void {
    queue.push(job);
    pumpSoon();
  }

  /** Same root entity as the running execution → inline; otherwise its own execution (§5.3 #3). */
  function dispatch(job: PendingEvent, raisedBy: PendingEvent | undefined): void {
    const at = scheduledAt(job.event);
    const exec = execution;
    let how: 'inline' | 'queued' | 'scheduled';
    if (at !== undefined) {
      schedule(job, at);
      how = 'scheduled';
    } else if (exec && sameRoot(rootOfEvent(job.event), exec.root)) {
      exec.inline.push(job);
      how = 'inline';
    } else {
      enqueue(job);
      how = 'queued';
    }
    const trace = raisedBy && !raisedBy.quiet ? traces.get(raisedBy.event.id) : undefined;
    trace?.eventsRaised.push({ id: job.event.id, name: job.event.name, entityType: job.event.entityType, dispatch: how });
  }

  function raise(parent: PendingEvent, raised: RaisedEvent): void {
    const { delayMs, ...fields } = raised;
    const event: OrchestrationEvent = {
      ...fields,
      id: deps.ids.uuid(),
      accountId: parent.event.accountId,
      retailerId: fields.retailerId || parent.event.retailerId,
      attributes: fields.attributes ?? {},
      sourceEvents: [parent.event.id],
    };
    if (delayMs !== undefined && delayMs > 0 && !event.scheduledOn) {
      event.scheduledOn = new Date(deps.clock.nowMs() + delayMs).toISOString();
    }
    scheduledAt(event); // a bad scheduledOn fails the rule before anything is recorded
    record(event, parent.mode, null, ENGINE_USER, parent.quiet);
    dispatch({ event, depth: parent.depth + 1, mode: parent.mode, quiet: parent.quiet }, parent);
  }

  function rootOfEvent(event: OrchestrationEvent): RootRef | undefined {
    if (event.rootEntityType && (event.rootEntityId || event.rootEntityRef)) {
      return { entityType: event.rootEntityType, id: event.rootEntityId, ref: event.rootEntityRef };
    }
    const target = deps.domain.find({ entityType: event.entityType, id: event.entityId, ref: event.entityRef });
    return target ? rootRef(target) : undefined;
  }

  // ── executions ──────────────────────────────────────────────────────────────────────────

  function runExecution(top: PendingEvent): SubmitResult {
    const outer = execution;
    const exec: Execution = { top, root: undefined, inline: [top], processed: 0, recent: [], current: undefined, failure: undefined };
    execution = exec;
    let result: Processed = { status: 'FAILED', entityId: top.event.entityId ?? null };
    try {
      for (let job = exec.inline.shift(); job; job = exec.inline.shift()) {
        const processed = step(exec, job);
        if (job === top) result = processed;
      }
    } finally {
      execution = outer;
    }
    // A failure later in the chain fails the execution, and so the event that started it.
    if (exec.failure && result.status !== 'FAILED') {
      finish(top, 'FAILED', { type: 'failed', message: exec.failure });
      result = { status: 'FAILED', entityId: result.entityId, message: exec.failure };
    }
    const answer: SubmitResult = { eventId: top.event.id, entityId: result.entityId, eventStatus: result.status };
    if (result.status === 'FAILED') answer.errorMessage = result.message ?? 'Event has Failed';
    else if (result.status === 'NO_MATCH' && result.message !== undefined) answer.errorMessage = result.message;
    return answer;
  }

  /** One event of an execution, behind the loop guard. */
  function step(exec: Execution, job: PendingEvent): Processed {
    const entityId = job.event.entityId ?? null;
    if (exec.failure) {
      const message = `Not processed: ${exec.failure}`;
      finish(job, 'FAILED', { type: 'failed', message });
      return { status: 'FAILED', entityId, message };
    }
    if (exec.processed >= maxEvents || job.depth > maxEvents) {
      const message =
        exec.processed >= maxEvents
          ? `Stopped: one execution may process at most ${maxEvents} events (maxEventsPerExecution) and "${job.event.name}" ` +
            `would be the next; the workflow probably loops (last events: ${exec.recent.join(' → ')}; started by ` +
            `"${exec.top.event.name}" ${exec.top.event.id}).`
          : `Stopped: "${job.event.name}" is event ${job.depth} of a chain of events raised across executions, above ` +
            `maxEventsPerExecution (${maxEvents}); the workflows probably send events to each other in a loop.`;
      exceptionAudit(job, auditContext(job.event), Object.assign(new Error(message), { name: 'EventChainLimitExceeded' }), {});
      exec.failure = message;
      finish(job, 'FAILED', { type: 'failed', message });
      log.warn?.(message, { eventId: job.event.id });
      return { status: 'FAILED', entityId, message };
    }
    exec.processed += 1;
    exec.recent = [...exec.recent, job.event.name].slice(-8);
    exec.current = job;
    const processed = processEvent(exec, job);
    exec.current = undefined;
    if (processed.status === 'FAILED' && !exec.failure) {
      exec.failure = `event "${job.event.name}" (${job.event.id}) failed: ${processed.message ?? 'Event has Failed'}`;
    }
    return processed;
  }

  /** fluent-platform.md §5.3, one event: entity → workflow → rulesets → rules. */
  function processEvent(exec: Execution, job: PendingEvent): Processed {
    const { event } = job;
    const trace = traceFor(job);
    let entityId: string | null = event.entityId ?? null;
    try {
      // 1. The event's entity, by id or by ref, with its root entity.
      const entity = deps.domain.find({ entityType: event.entityType, id: event.entityId, ref: event.entityRef });
      if (!entity) {
        const key = event.entityId !== undefined ? `id ${event.entityId}` : `ref ${event.entityRef ?? '(none)'}`;
        return noMatch(job, entityId, `no ${event.entityType} with ${key}`);
      }
      entityId = entity.id;
      trace.entity = { entityType: entity.entityType, id: entity.id, ref: entity.ref ?? null, subtype: entity.subtype ?? null, status: entity.status ?? null };
      trace.root = { entityType: entity.root.entityType, id: entity.root.id, ref: entity.root.ref ?? null };
      // Most events name their entity and root fully: the recorded context is already right.
      if (!hasContextOf(deps.events.peek(event.id)?.context, entity, event.sourceEvents)) {
        deps.events.update(event.id, { context: contextOfEntity(entity, event.sourceEvents) });
      }
      exec.root ??= rootRef(entity);

      // 2. The workflow: the event's run-once workflow, or the root entity's (workflowRef/Version).
      //    An entity stays on the major it was created under and runs on its latest minor.
      const found = job.runOnce ? { workflow: job.runOnce, retailerId: undefined, pinned: undefined } : workflowFor(event, entity);
      if (!('workflow' in found)) return noMatch(job, entityId, found.reason);
      const { workflow } = found;
      trace.workflow = {
        name: workflow.name,
        version: workflow.version,
        source: workflow.source,
        runOnce: job.runOnce !== undefined,
        entityWorkflowVersion: found.pinned ?? null,
      };

      // 3. Rulesets by event name, entity type, subtype and trigger status.
      const subject = { entityType: entity.entityType, subtype: entity.subtype ?? event.entitySubtype, status: entity.status };
      // A quiet event's trace is dropped: the checks are only worked out to explain a NO_MATCH.
      const quick = job.quiet ? matchingRulesets(workflow, event.name, subject) : [];
      const match: MatchResult = quick.length > 0 ? { checks: [], matched: quick } : matchRulesets(workflow, event.name, subject);
      trace.rulesets = match.checks;
      if (match.similar) trace.similarRulesetNames = match.similar;
      if (match.matched.length === 0) {
        if (match.checks.length > 0) return noMatch(job, entityId, explainNoMatch(event.name, match, subject));
        // No ruleset of that name: say so in the sync answer too, with close names and versions.
        const otherVersions = job.runOnce ? [] : versionsWithRuleset(found.retailerId, workflow, event.name);
        if (otherVersions.length > 0) trace.rulesetInOtherVersions = otherVersions;
        const context = { name: workflow.name, version: workflow.version, otherVersions, rootEntityType: entity.root.entityType };
        const reason = explainNoMatch(event.name, match, subject, context);
        return noMatch(job, entityId, reason, reason);
      }

      // 4. The entity as it was before processing (quiet events skip it: it costs the most).
      if (!job.quiet)
        audit(job, {
          name: event.name,
          category: 'snapshot',
          context: contextOfEntity(entity, [event.id]),
          attributes: [{ name: 'entity', type: 'JSON', value: snapshotOf(entity) }],
        });

      // 5. Every matching ruleset, in order; each rule's effects land before the next rule runs.
      for (const [i, ruleset] of match.matched.entries()) {
        const subject = i === 0 ? entity : (deps.domain.find({ entityType: entity.entityType, id: entity.id }) ?? entity);
        const failure = runRuleset(job, ruleset, subject, trace);
        if (failure) {
          finish(job, 'FAILED', { type: 'failed', ...failure });
          log.warn?.(`Event ${event.name} (${event.id}) failed: ${failure.message}`);
          return { status: 'FAILED', entityId, message: failure.message };
        }
      }
      finish(job, 'COMPLETE', { type: 'complete' });
      return { status: 'COMPLETE', entityId };
    } catch (error) {
      // The engine's own steps (lookups, the domain) failed: a FAILED event, never a crash.
      exceptionAudit(job, auditContext(event), error, {});
      finish(job, 'FAILED', { type: 'failed', message: messageOf(error) });
      log.error?.(`Event ${event.name} (${event.id}) failed outside a rule`, error);
      return { status: 'FAILED', entityId, message: messageOf(error) };
    }
  }

  /** `message`: what the sync answer says (only when the event's name is unknown to the workflow). */
  function noMatch(job: PendingEvent, entityId: string | null, reason: string, message?: string): Processed {
    finish(job, 'NO_MATCH', { type: 'noMatch', reason });
    log.debug?.(`Event ${job.event.name} (${job.event.id}): NO_MATCH, ${reason}`);
    return message === undefined ? { status: 'NO_MATCH', entityId } : { status: 'NO_MATCH', entityId, message };
  }

  /** Other stored versions of the workflow with a ruleset named `eventName`, ascending. */
  function versionsWithRuleset(retailerId: string | undefined, used: CompiledWorkflow, eventName: string): string[] {
    return deps.workflows
      .versions(retailerId, used.name)
      .filter((version) => version !== used && version.rulesetsByName.has(eventName))
      .map((version) => version.version);
  }

  function workflowFor(event: OrchestrationEvent, entity: EntityView): FoundWorkflow | { reason: string } {
    const isRoot = entity.root.entityType === entity.entityType && entity.root.id === entity.id;
    const root = isRoot ? entity : deps.domain.find(entity.root);
    if (!root) return { reason: `the root entity ${entity.root.entityType} ${entity.root.id} does not exist` };
    const name = root.workflowRef || defaultWorkflowName(root.entityType, root.subtype);
    const retailerId = event.retailerId || root.retailerId;
    const pinned = versionPolicy === 'entity' ? root.workflowVersion : undefined;
    const workflow = deps.workflows.forEntity(retailerId, name, pinned);
    if (workflow) return { workflow, retailerId, pinned };
    return {
      reason: `no workflow ${name} for retailer ${retailerId ?? '(none)'}; load one from rulesets/ or --workflows, or PUT /api/v4.1/workflow`,
    };
  }

  /** Rule names as the platform shows them: deploy scripts replace {{accountId}} before a workflow is stored. */
  const ruleNames = new Map<string, string>();
  const ruleNameOf = (name: string): string => {
    let shown = ruleNames.get(name);
    if (shown === undefined) {
      shown = name.replace(/\{\{\s*account_?id\s*\}\}/gi, deps.accountId);
      ruleNames.set(name, shown);
    }
    return shown;
  };

  /**
   * Runs the ruleset's rules in order. Each rule sees the entity as the previous rules left it (read
   * again after a rule that asked for effects). Quiet events build no rule steps and no audits
   * unless a rule fails (SubmitOptions.quiet).
   */
  function runRuleset(job: PendingEvent, ruleset: CompiledRuleset, entity: EntityView, trace: ExecutionTrace): RuleFailure | undefined {
    const loud = !job.quiet;
    const rulesetStart = deps.clock.nowMs();
    const ctx = effectContext(job, trace);
    let current = entity;
    let changed = false;
    for (const rule of ruleset.rules) {
      const ruleName = ruleNameOf(rule.name);
      if (changed) current = deps.domain.find({ entityType: entity.entityType, id: entity.id }) ?? entity;
      const start = deps.clock.nowMs();
      const stepTrace: RuleStep | undefined = loud ? newStep(ruleset, rule, ruleName, start) : undefined;
      if (stepTrace) trace.rules.push(stepTrace);
      try {
        const effects = rule.rule.run({ event: job.event, entity: current, props: rule.props, now: deps.clock.now(), read: deps.domain });
        changed = effects.length > 0;
        for (const effect of effects) {
          stepTrace?.effects.push(effect);
          applyEffect(effect, ctx);
        }
      } catch (error) {
        const failed = stepTrace ?? newStep(ruleset, rule, ruleName, start);
        failed.stopTimer = deps.clock.nowMs();
        failed.error = messageOf(error);
        const context = contextOfEntity(entity, [job.event.id]);
        audit(job, { name: ruleName, category: 'rule', context, attributes: ruleAttributes(rule, failed), eventStatus: 'FAILED' });
        audit(job, { name: ruleset.name, category: 'ruleSet', context, attributes: timers(rulesetStart, deps.clock.nowMs()), eventStatus: 'FAILED' });
        exceptionAudit(job, context, error, { rule: ruleName, ruleset: ruleset.name });
        return { message: `Rule ${ruleName} in ruleset ${ruleset.name} failed: ${messageOf(error)}`, rule: ruleName, ruleset: ruleset.name };
      }
      if (stepTrace) {
        stepTrace.stopTimer = deps.clock.nowMs();
        audit(job, { name: ruleName, category: 'rule', context: contextOfEntity(entity, [job.event.id]), attributes: ruleAttributes(rule, stepTrace) });
      }
    }
    if (loud) {
      const context = contextOfEntity(entity, [job.event.id]);
      audit(job, { name: ruleset.name, category: 'ruleSet', context, attributes: timers(rulesetStart, deps.clock.nowMs()) });
    }
    return undefined;
  }

  function effectContext(job: PendingEvent, trace: ExecutionTrace): EffectContext {
    return {
      domain: deps.domain,
      accountId: job.event.accountId,
      event: job.event,
      trace,
      quiet: job.quiet === true,
      newId: () => deps.ids.uuid(),
      audit: (fields) => audit(job, fields),
      raise: (raised) => raise(job, raised),
      webhook: (request) =>
        deps.webhooks.enqueue({ ...request, accountId: job.event.accountId, retailerId: job.event.retailerId, sourceEventId: job.event.id }),
    };
  }

  // ── the queue ───────────────────────────────────────────────────────────────────────────

  function runQueue(limit = Number.POSITIVE_INFINITY): void {
    // Never start an execution inside another; the pump comes back for what is left.
    for (let n = 0; n < limit && !execution; n += 1) {
      const job = queue.shift();
      if (!job) return;
      try {
        runExecution(job);
      } catch (error) {
        deps.events.update(job.event.id, { eventStatus: 'FAILED' });
        log.error?.(`Event ${job.event.name} (${job.event.id}) could not be processed`, error);
      }
    }
  }

  /** Processes queued events on the next turns of the event loop, a chunk at a time. */
  function pumpSoon(): void {
    if (pumpArmed) return;
    pumpArmed = true;
    setImmediate(() => {
      pumpArmed = false;
      runQueue(100);
      if (queue.length > 0) pumpSoon();
    });
  }

  function toPending(event: OrchestrationEvent, depth: number): PendingEvent {
    return { event: structuredClone(event), depth, mode: 'async' };
  }

  const engine: Engine = {
    async submit(input, options) {
      const { id, accountId, attributes, sourceEvents, ...fields } = input;
      const event: OrchestrationEvent = {
        ...fields,
        id: id ?? deps.ids.uuid(),
        accountId: accountId || deps.accountId,
        attributes: attributes ?? {},
        sourceEvents: sourceEvents ?? [],
      };
      // Run-once workflow in meta.workflow, sync events only (§3.2); checked before anything is recorded.
      const inline = options.mode === 'sync' ? event.meta?.['workflow'] : undefined;
      const runOnce = inline === undefined ? undefined : compileWorkflow(parseWorkflow(inline, 'meta.workflow'), deps.registry, 'meta.workflow');
      const at = scheduledAt(event);
      const quiet = options.quiet ?? quietScope > 0;
      record(event, options.mode, options.source ?? null, options.generatedBy ?? ENGINE_USER, quiet);
      const job: PendingEvent = { event, depth: 1, mode: options.mode, quiet, ...(runOnce ? { runOnce } : {}) };
      const entityId = event.entityId ?? null;
      if (at !== undefined) {
        schedule(job, at);
        return { eventId: event.id, entityId, eventStatus: 'SCHEDULED' };
      }
      if (options.mode === 'async') {
        // Matching happens later; an unknown name ends as NO_MATCH in the log (§8 #7).
        const delayMs = deps.asyncDelayMs?.({ name: event.name });
        if (delayMs) hold(job, delayMs);
        else enqueue(job);
        return { eventId: event.id, entityId, eventStatus: 'PENDING' };
      }
      return runExecution(job);
    },
    async drain() {
      runQueue();
    },
    onEntityCreated(entity) {
      if (!CREATE_EVENT_ENTITY_TYPES.has(entity.entityType)) return undefined;
      const onlyUnder = CREATE_EVENT_ROOT_SUBTYPES[entity.entityType];
      if (onlyUnder && !onlyUnder.includes(deps.domain.find(entity.root)?.subtype ?? '')) return undefined;
      const raisedBy = execution?.current;
      const retailerId = entity.retailerId ?? deps.domain.find(entity.root)?.retailerId ?? '';
      const event: OrchestrationEvent = {
        id: deps.ids.uuid(),
        name: CREATE_EVENT_NAME,
        accountId: raisedBy?.event.accountId ?? deps.accountId,
        retailerId,
        entityType: entity.entityType,
        entityId: entity.id,
        entityRef: entity.ref,
        entitySubtype: entity.subtype,
        rootEntityType: entity.root.entityType,
        rootEntityId: entity.root.id,
        rootEntityRef: entity.root.ref,
        attributes: {},
        sourceEvents: raisedBy ? [raisedBy.event.id] : [],
      };
      const quiet = raisedBy ? raisedBy.quiet === true : quietScope > 0;
      record(event, raisedBy?.mode ?? 'async', null, ENGINE_USER, quiet);
      dispatch({ event, depth: raisedBy ? raisedBy.depth + 1 : 1, mode: raisedBy?.mode ?? 'async', quiet }, raisedBy);
      return event.id;
    },
    quietly(run) {
      quietScope += 1;
      try {
        return run();
      } finally {
        quietScope -= 1;
      }
    },
    explain: (eventId) => {
      const trace = traces.get(eventId);
      return trace ? structuredClone(trace) : undefined;
    },
    stats: () => ({ queued: queue.length, scheduled: scheduled.size }),
    clear() {
      for (const { handle } of scheduled.values()) deps.clock.cancel(handle);
      scheduled.clear();
      for (const { timer } of delayed.values()) clearTimeout(timer);
      delayed.clear();
      queue = [];
      traces.clear();
    },
    toJSON: () => ({
      // Held-back events count as queued: restored, they run without the fault's delay.
      queue: [...queue, ...[...delayed.values()].map((d) => d.job)].map((job) => ({ event: structuredClone(job.event), depth: job.depth })),
      scheduled: [...scheduled.values()].map(({ job, at }) => ({ event: structuredClone(job.event), depth: job.depth, at })),
    }),
    restore(data) {
      engine.clear();
      queue = data.queue.map((saved) => toPending(saved.event, saved.depth));
      for (const saved of data.scheduled) schedule(toPending(saved.event, saved.depth), saved.at);
      if (queue.length > 0) pumpSoon();
    },
  };
  return engine;
}

/** Context of an audit about an event whose entity may be unknown: caused by that event. */
function auditContext(event: OrchestrationEvent): EventContext {
  return { ...contextOfEvent(event), sourceEvents: [event.id] };
}

function rootRef(entity: EntityView): RootRef {
  return { entityType: entity.root.entityType, id: entity.root.id, ref: entity.root.ref };
}

function sameRoot(a: RootRef | undefined, b: RootRef | undefined): boolean {
  if (!a || !b || a.entityType !== b.entityType) return false;
  return (a.id !== undefined && a.id === b.id) || (a.ref !== undefined && a.ref === b.ref);
}

/** Whether `a` is `contextOfEntity(entity, sourceEvents)` already (without building that). */
function hasContextOf(a: EventContext | undefined, entity: EntityView, sourceEvents: readonly string[]): boolean {
  const { root } = entity;
  return (
    a !== undefined &&
    a.entityType === entity.entityType &&
    a.entityId === entity.id &&
    a.entityRef === (entity.ref ?? null) &&
    a.rootEntityType === root.entityType &&
    a.rootEntityId === root.id &&
    a.rootEntityRef === (root.ref ?? null) &&
    a.sourceEvents.length === sourceEvents.length &&
    a.sourceEvents.every((id, i) => id === sourceEvents[i])
  );
}

function newStep(ruleset: CompiledRuleset, rule: CompiledRule, ruleName: string, start: number): RuleStep {
  return {
    ruleset: ruleset.name,
    rule: ruleName,
    resolvedAs: rule.resolvedAs ?? null,
    simulated: rule.simulated,
    props: rule.props,
    effects: [],
    startTimer: start,
    stopTimer: start,
  };
}

function timers(start: number, stop: number): EventAttribute[] {
  return [
    { name: 'startTimer', type: 'LONG', value: start },
    { name: 'stopTimer', type: 'LONG', value: stop },
  ];
}

function ruleAttributes(rule: CompiledRule, step: RuleStep): EventAttribute[] {
  const attributes = timers(step.startTimer, step.stopTimer);
  if (!rule.simulated) {
    attributes.push(
      { name: 'simulated', type: 'BOOLEAN', value: false },
      { name: 'message', type: 'STRING', value: `"${rule.name}" is not a rule the simulator knows; it was skipped (unknownRulePolicy "skip")` },
    );
  }
  return attributes;
}

function snapshotOf(entity: EntityView): Record<string, unknown> {
  return { id: entity.id, ref: entity.ref ?? null, type: entity.subtype ?? null, status: entity.status ?? null, ...entity.fields };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
