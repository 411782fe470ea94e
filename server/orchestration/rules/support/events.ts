/**
 * Builders for the events rules send. A rule never invents ids: the engine gives every sent
 * event its id, account and `sourceEvents`.
 *
 * "Same context" (fluent-platform.md §5.4; https://docs.fluentcommerce.com/building-blocks/scheduleevent):
 * the new event keeps the entity and root entity of the current event, its retailer and its
 * attributes, and only changes its name.
 */
import type { Effect, EntityView, OrchestrationEvent } from '../../port.js';

export type NewEvent = Extract<Effect, { type: 'sendEvent' }>['event'];

/** The current event again under another name: same entity, root, retailer and attributes. */
export function forwardEvent(event: Readonly<OrchestrationEvent>, entity: Readonly<EntityView>, name: string): NewEvent {
  return {
    name,
    retailerId: event.retailerId,
    entityType: event.entityType,
    entityId: event.entityId ?? entity.id,
    entityRef: event.entityRef ?? entity.ref,
    entitySubtype: event.entitySubtype ?? entity.subtype,
    rootEntityType: event.rootEntityType ?? entity.root.entityType,
    rootEntityId: event.rootEntityId ?? entity.root.id,
    rootEntityRef: event.rootEntityRef ?? entity.root.ref,
    attributes: { ...event.attributes },
  };
}

/** An event named `name` addressed to `target` (another entity), carrying the current attributes. */
export function eventFor(target: Readonly<EntityView>, name: string, event: Readonly<OrchestrationEvent>): NewEvent {
  return {
    name,
    retailerId: event.retailerId,
    entityType: target.entityType,
    entityId: target.id,
    entityRef: target.ref,
    entitySubtype: target.subtype,
    rootEntityType: target.root.entityType,
    rootEntityId: target.root.id,
    rootEntityRef: target.root.ref,
    attributes: { ...event.attributes },
  };
}

/** The effect that sends `event`. */
export const emit = (event: NewEvent): Effect => ({ type: 'sendEvent', event });
