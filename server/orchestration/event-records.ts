/**
 * Builders for the event log's records (fluent-platform.md §3.5, §3.6): the ORCHESTRATION record
 * of an event and the ORCHESTRATION_AUDIT records of its execution. Key order follows the live
 * example of §3.5. Attribute names beyond `startTimer`/`stopTimer` are the simulator's own
 * (§8 #17: exact names are not documented).
 */
import { formatGeneratedOn, type EventAttribute, type EventContext, type EventRecord, type EventStatus } from './event-log.js';
import type { EntityView } from './domain-view.js';
import type { OrchestrationEvent } from './orchestration-event.js';

/** `generatedBy` of records the engine writes (value seen in the live example, §3.5). */
export const ENGINE_USER = 'Rubix User';

/** Context of an event before its entity is looked up: what the event itself says. */
export function contextOfEvent(event: OrchestrationEvent): EventContext {
  return {
    sourceEvents: [...event.sourceEvents],
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    entityRef: event.entityRef ?? null,
    rootEntityType: event.rootEntityType ?? null,
    rootEntityId: event.rootEntityId ?? null,
    rootEntityRef: event.rootEntityRef ?? null,
  };
}

/** Context of an entity, as found, with the event(s) that caused the record. */
export function contextOfEntity(entity: EntityView, sourceEvents: string[]): EventContext {
  return {
    sourceEvents: [...sourceEvents],
    entityType: entity.entityType,
    entityId: entity.id,
    entityRef: entity.ref ?? null,
    rootEntityType: entity.root.entityType,
    rootEntityId: entity.root.id,
    rootEntityRef: entity.root.ref ?? null,
  };
}

export function orchestrationRecord(
  event: OrchestrationEvent,
  fields: { eventStatus: EventStatus; generatedOn: Date | number; source: string | null; generatedBy: string },
): EventRecord {
  return {
    id: event.id,
    name: event.name,
    type: 'ORCHESTRATION',
    accountId: event.accountId,
    retailerId: event.retailerId,
    category: null,
    context: contextOfEvent(event),
    eventStatus: fields.eventStatus,
    attributes: attributeList(event.attributes),
    source: fields.source,
    generatedBy: fields.generatedBy,
    generatedOn: formatGeneratedOn(fields.generatedOn),
  };
}

export function auditRecord(fields: {
  id: string;
  name: string | null;
  category: string;
  accountId: string;
  retailerId: string;
  context: EventContext;
  eventStatus: EventStatus;
  attributes: EventAttribute[] | null;
  /** A date or epoch ms. */
  generatedOn: Date | number;
}): EventRecord {
  return {
    id: fields.id,
    name: fields.name,
    type: 'ORCHESTRATION_AUDIT',
    accountId: fields.accountId,
    retailerId: fields.retailerId,
    category: fields.category,
    context: fields.context,
    eventStatus: fields.eventStatus,
    attributes: fields.attributes,
    source: null,
    generatedBy: ENGINE_USER,
    generatedOn: formatGeneratedOn(fields.generatedOn),
  };
}

/** An event's attribute map as the event model's list (`null` when empty, §3.5). */
export function attributeList(attributes: Record<string, unknown>): EventAttribute[] | null {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return null;
  return entries.map(([name, value]) => ({ name, value, type: attributeType(value) }));
}

export function attributeType(value: unknown): string {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER' : 'FLOAT';
  return 'JSON';
}
