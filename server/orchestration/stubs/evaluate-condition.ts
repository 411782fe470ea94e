/**
 * Evaluates a stub `branch` condition (parse-condition.ts) against the event, its entity and a
 * read-only view of the data. Pure: reads, never writes.
 *
 * Values compare as the library rules compare props (`sameValue`: `"100"` equals `100`); a value
 * "exists" when it is neither missing, null nor "". `allFulfilments` / `allItems` over an order
 * with none are false, as `SendEventOnVerifyingAllFulfilmentStates` treats an order without
 * fulfilments [inferred].
 */
import type { DomainReader, EntityView, OrchestrationEvent } from '../port.js';
import { orderOf } from '../rules/support/order-of.js';
import { entityDocument, resolveProperty, sameValue, walk } from '../rules/support/json-path.js';
import { render, type TemplateScope } from './stub-template.js';
import type { Condition, EntityTarget, ValueTest } from './stub-types.js';

export type ConditionInput = {
  event: Readonly<OrchestrationEvent>;
  entity: Readonly<EntityView>;
  read: DomainReader;
  scope: TemplateScope;
  /** The stub's name, for error messages. */
  stub: string;
};

/** `["A","B"]`, `"A"` or `"A, B"` → `['A', 'B']`. */
export function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string')
    return value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
  return value === undefined || value === null ? [] : [value];
}

export function entityAt(target: EntityTarget, input: Pick<ConditionInput, 'entity' | 'read' | 'stub'>): EntityView {
  if (target === 'entity') return input.entity;
  if (target === 'order') return orderOf(input.entity, input.read, input.stub);
  const { root } = input.entity;
  if (root.entityType === input.entity.entityType && root.id === input.entity.id) return input.entity;
  const found = input.read.find(root);
  if (!found) throw new Error(`${input.stub}: the root ${root.entityType} ${root.ref ?? root.id} does not exist`);
  return found;
}

function passes(actual: unknown, test: ValueTest, scope: TemplateScope): boolean {
  if (test.exists !== undefined) return (actual !== undefined && actual !== null && actual !== '') === test.exists;
  if (test.in !== undefined) return listOf(render(test.in, scope)).some((expected) => sameValue(actual, expected));
  return sameValue(actual, render(test.equals, scope));
}

/** An order item as a pseudo-entity, so item conditions read `status` and paths like an entity's. */
function itemView(record: Record<string, unknown>, order: EntityView): EntityView {
  return {
    entityType: 'ORDER_ITEM',
    typename: 'OrderItem',
    id: String(record['id'] ?? ''),
    ref: typeof record['ref'] === 'string' ? record['ref'] : undefined,
    subtype: undefined,
    status: typeof record['status'] === 'string' ? record['status'] : undefined,
    workflowRef: undefined,
    workflowVersion: undefined,
    retailerId: order.retailerId,
    root: order.root,
    fields: record,
  };
}

function children(over: 'fulfilments' | 'items', input: ConditionInput): EntityView[] {
  const order = orderOf(input.entity, input.read, input.stub);
  const key = { entityType: 'ORDER', id: order.id, ref: order.ref };
  if (over === 'fulfilments') return input.read.children(key, 'FULFILMENT');
  return input.read.related(key, 'items').map((record) => itemView(record, order));
}

export function evaluateCondition(condition: Condition, input: ConditionInput): boolean {
  switch (condition.type) {
    case 'always':
      return condition.value;
    case 'statusIn': {
      const status = entityAt(condition.of, input).status;
      return listOf(render(condition.statuses, input.scope)).some((expected) => sameValue(status, expected));
    }
    case 'attribute': {
      const actual =
        condition.of === 'event'
          ? input.event.attributes[condition.name]
          : walk(entityDocument(entityAt(condition.of, input)), ['attributes', 'byName', condition.name]);
      return passes(actual, condition, input.scope);
    }
    case 'path': {
      const actual = resolveProperty(condition.path, { event: input.event, entity: input.entity });
      return passes(actual, condition, input.scope);
    }
    case 'every':
    case 'some': {
      const list = children(condition.over, input);
      const test = (child: EntityView): boolean => evaluateCondition(condition.condition, { ...input, entity: child });
      return condition.type === 'every' ? list.length > 0 && list.every(test) : list.some(test);
    }
    case 'all':
      return condition.conditions.every((inner) => evaluateCondition(inner, input));
    case 'any':
      return condition.conditions.some((inner) => evaluateCondition(inner, input));
    case 'not':
      return !evaluateCondition(condition.condition, input);
    default: {
      const exhaustive: never = condition;
      return exhaustive;
    }
  }
}
