/**
 * The fulfilment choices of a mixed-basket order (ORDER::MULTI, workflow-contracts.md §5.4): an
 * order has one FULFILMENT_CHOICE per delivery method or address; its items name their choice
 * (`fulfilmentChoiceRef`), and so do its fulfilments.
 */
import type { DomainReader, EntityView, OrchestrationEvent } from '../../port.js';
import { EventAttributeNotFoundException, IllegalArgumentException } from './event-attributes.js';
import { walk } from './json-path.js';
import { orderOf } from './order-of.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** The order's fulfilment choices as entities (FULFILMENT_CHOICE), in id order. */
export function choicesOf(read: DomainReader, order: Readonly<EntityView>): EntityView[] {
  return read
    .related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'fulfilmentChoices')
    .map((c) => read.find({ entityType: 'FULFILMENT_CHOICE', id: String(c['id']) }))
    .filter((c): c is EntityView => c !== undefined);
}

/** The choice a fulfilment or order item belongs to: its `fulfilmentChoiceRef`, or its `fulfilmentChoice` link. */
export const choiceRefOf = (record: Readonly<Record<string, unknown>>): string | undefined =>
  text(record['fulfilmentChoiceRef']) ?? text(walk(record['fulfilmentChoice'], ['ref']));

/** The order's fulfilments that belong to `choiceRef`. */
export function fulfilmentsOfChoice(read: DomainReader, order: Readonly<EntityView>, choiceRef: string): EntityView[] {
  return read.children({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'FULFILMENT').filter((f) => choiceRefOf(f.fields) === choiceRef);
}

/**
 * The order seen through one of its choices, so an order rule (commonv2.CreateFulfilment and its
 * kin) works on the choice alone: only its items, its delivery details as the order's
 * `fulfilmentChoice`, its type as the order's subtype. Everything else reads through.
 */
export function scopedToChoice(read: DomainReader, order: Readonly<EntityView>, choice: Readonly<EntityView>): { order: EntityView; read: DomainReader } {
  const isOrder = (key: { entityType: string; id?: string | undefined; ref?: string | undefined }) =>
    key.entityType === 'ORDER' && (key.id === undefined ? key.ref === order.ref : key.id === order.id);
  const choiceRecord = { ...choice.fields, ref: choice.ref, type: choice.subtype };
  const scopedRead: DomainReader = {
    ...read,
    related: (parent, field) => {
      if (!isOrder(parent)) return read.related(parent, field);
      if (field === 'items') return read.related(parent, field).filter((item) => choiceRefOf(item) === choice.ref);
      if (field === 'fulfilmentChoice') return [choiceRecord];
      return read.related(parent, field);
    },
  };
  const scopedOrder: EntityView = { ...order, subtype: choice.subtype, fields: { ...order.fields, fulfilmentChoice: choiceRecord } };
  return { order: scopedOrder, read: scopedRead };
}

/**
 * The order an order rule works on, and the reader to read it with: on a FULFILMENT_CHOICE the
 * order seen through that choice (its items, its delivery address), on any other entity of an
 * order the order itself. So the reference order rules (address check, coordinates, sourcing)
 * run on a mixed-basket choice as they are [inferred: the reference MULTI workflow's choice
 * rulesets are not retrievable; workflow-contracts.md §5.4 names the choice's address check only].
 */
export function orderScope(entity: Readonly<EntityView>, read: DomainReader, ruleName: string): { order: EntityView; read: DomainReader } {
  const order = orderOf(entity, read, ruleName);
  return entity.entityType === 'FULFILMENT_CHOICE' ? scopedToChoice(read, order, entity) : { order, read };
}

/**
 * What the sourcing rules (GetLocationsForNetwork … SelectProposedFulfilment, ForwardIfUnfulfilledItemsExist)
 * source for: `orderScope` of an ORDER or a FULFILMENT_CHOICE, so a mixed-basket choice is sourced
 * for its own items and address.
 */
export function sourcingScope(entity: Readonly<EntityView>, read: DomainReader, ruleName: string): { order: EntityView; read: DomainReader } {
  if (entity.entityType !== 'ORDER' && entity.entityType !== 'FULFILMENT_CHOICE') {
    throw new Error(`${ruleName} runs on ORDER or FULFILMENT_CHOICE, not ${entity.entityType}.`);
  }
  return orderScope(entity, read, ruleName);
}

/**
 * What a rule "for a fulfilment choice" works on: the order seen through the choice, which is the
 * FULFILMENT_CHOICE entity itself or the order's choice the event names in `fulfilmentChoiceRef`
 * (then a required attribute).
 */
export function namedChoiceScope(
  input: { event: Readonly<OrchestrationEvent>; entity: Readonly<EntityView>; read: DomainReader },
  ruleName: string,
): { entity: EntityView; read: DomainReader } {
  const { event, entity, read } = input;
  const order = orderOf(entity, read, ruleName);
  const ref = entity.entityType === 'FULFILMENT_CHOICE' ? entity.ref : event.attributes['fulfilmentChoiceRef'];
  if (typeof ref !== 'string' || ref.length === 0) {
    throw new EventAttributeNotFoundException(`${ruleName}: event "${event.name}" needs the attribute "fulfilmentChoiceRef" (missing or empty).`);
  }
  const choice = choicesOf(read, order).find((c) => c.ref === ref);
  if (!choice) throw new IllegalArgumentException(`${ruleName}: order "${order.ref ?? order.id}" has no fulfilment choice "${ref}".`);
  const scoped = scopedToChoice(read, order, choice);
  return { entity: scoped.order, read: scoped.read };
}
