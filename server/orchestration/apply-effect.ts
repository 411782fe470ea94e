/**
 * The one place that performs what rules ask for (style.md §8): one exhaustive switch over
 * `Effect`. Writes go through the DomainPort, events and webhooks back to the engine through the
 * context, so the engine decides inline vs queued vs scheduled. A failure throws; the engine
 * turns it into a FAILED event with an `exception` audit, attributed to the rule that asked.
 */
import { SimError } from '../domain/errors.js';
import type { WebhookEvent } from '../webhooks/payload.js';
import type { EventAttribute, EventContext, EventStatus } from './event-log.js';
import { contextOfEntity } from './event-records.js';
import type { ExecutionTrace } from './execution-trace.js';
import type { DomainPort, EntityKey, EntityView } from './domain-view.js';
import type { OrchestrationEvent } from './orchestration-event.js';
import type { Effect } from './rule.js';

export type RaisedEvent = Extract<Effect, { type: 'sendEvent' }>['event'];

export type EffectContext = {
  domain: DomainPort;
  accountId: string;
  /** The event being processed. */
  event: OrchestrationEvent;
  trace: ExecutionTrace;
  /** A quiet event (SubmitOptions.quiet): no trace or audit is kept, so none is built. */
  quiet: boolean;
  newId(): string;
  audit(fields: { name: string | null; category: string; attributes: EventAttribute[] | null; context: EventContext; eventStatus?: EventStatus }): void;
  raise(event: RaisedEvent): void;
  webhook(request: { name: string; url: string; event: WebhookEvent }): void;
};

export function applyEffect(effect: Effect, ctx: EffectContext): void {
  switch (effect.type) {
    case 'setStatus': {
      if (ctx.quiet) {
        ctx.domain.setStatus(effect.target, effect.status);
        return;
      }
      const before = ctx.domain.find(effect.target);
      const after = ctx.domain.setStatus(effect.target, effect.status);
      const from = before?.status ?? null;
      ctx.trace.statusChanges.push({ entityType: after.entityType, id: after.id, ref: after.ref ?? null, from, to: effect.status });
      // SetState "produces a STATE_CHANGE audit event" (fluent-platform.md §5.3).
      ctx.audit({
        name: 'STATE_CHANGE',
        category: 'ACTION',
        context: contextOfEntity(after, [ctx.event.id]),
        attributes: [
          { name: 'fromStatus', type: 'STRING', value: from },
          { name: 'toStatus', type: 'STRING', value: effect.status },
        ],
      });
      return;
    }
    case 'setAttributes':
      ctx.domain.upsertAttributes(effect.target, effect.attributes);
      return;
    case 'mutate':
      ctx.domain.mutate(effect.mutation, effect.input);
      return;
    case 'sendEvent':
      ctx.raise(effect.event);
      return;
    case 'webhook': {
      const target = mustFind(ctx.domain, effect.target);
      ctx.trace.webhooks.push({ name: effect.name, url: effect.url });
      ctx.webhook({ name: effect.name, url: effect.url, event: webhookEvent(ctx, target, effect.name, effect.attributes ?? {}) });
      return;
    }
    case 'audit':
      ctx.audit({
        name: effect.name,
        category: effect.category,
        context: contextOfEvent(ctx),
        attributes: effect.attributes.length > 0 ? effect.attributes : null,
      });
      return;
    default: {
      const exhaustive: never = effect;
      throw new SimError('INTERNAL', `Unknown effect ${JSON.stringify(exhaustive)}`);
    }
  }
}

function mustFind(domain: DomainPort, key: EntityKey): EntityView {
  const entity = domain.find(key);
  if (!entity) {
    throw new SimError('ENTITY_NOT_FOUND', `No ${key.entityType} with ${key.id !== undefined ? `id ${key.id}` : `ref ${String(key.ref)}`}`);
  }
  return entity;
}

function contextOfEvent(ctx: EffectContext): EventContext {
  const entity = ctx.domain.find({ entityType: ctx.event.entityType, id: ctx.event.entityId, ref: ctx.event.entityRef });
  if (entity) return contextOfEntity(entity, [ctx.event.id]);
  return {
    sourceEvents: [ctx.event.id],
    entityType: ctx.event.entityType,
    entityId: ctx.event.entityId ?? null,
    entityRef: ctx.event.entityRef ?? null,
    rootEntityType: ctx.event.rootEntityType ?? null,
    rootEntityId: ctx.event.rootEntityId ?? null,
    rootEntityRef: ctx.event.rootEntityRef ?? null,
  };
}

/** The webhook payload for an entity (fluent-platform.md §6.2): a new id, the webhook name, the entity now. */
function webhookEvent(ctx: EffectContext, target: EntityView, name: string, attributes: Record<string, unknown>): WebhookEvent {
  return {
    id: ctx.newId(),
    name,
    accountId: ctx.accountId,
    retailerId: ctx.event.retailerId,
    entityId: target.id,
    entityRef: target.ref ?? '',
    entityType: target.entityType,
    entityStatus: target.status ?? '',
    // Sent whenever the entity has one (real-world-usage.md "Webhooks in the wild").
    ...(target.subtype !== undefined ? { entitySubtype: target.subtype } : {}),
    type: 'NORMAL',
    attributes,
    rootEntityId: target.root.id,
    rootEntityType: target.root.entityType,
    rootEntityRef: target.root.ref ?? '',
  };
}
