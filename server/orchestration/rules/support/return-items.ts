/**
 * The `returnItems` of a return request on an order (workflow-contracts.md §9.1; required by
 * CreateReturnOrderFromOrder, ValidateReturnQty and UpdateOrderItemAttribute).
 *
 * [inferred] (Fluent's pages give no item shape): `{orderItemRef | productRef, quantity, ref?, type?,
 * returnReason?, returnReasonComment?, returnCondition?, returnConditionComment?}`.
 */
import { z } from 'zod';
import type { EntityView, OrchestrationEvent } from '../../port.js';
import { EventAttributeNotFoundException, IllegalArgumentException, parseAttributes } from './event-attributes.js';
import type { OrderLine } from './order-lines.js';

const text = z.string().trim().min(1);
export const valueLabel = z.object({ value: text, label: z.string().nullish() });

export const returnItem = z
  .object({
    orderItemRef: text.optional(),
    productRef: text.optional(),
    quantity: z.union([z.number(), z.string()]).pipe(z.coerce.number<string | number>().int().positive()),
    ref: text.optional(),
    type: text.optional(),
    returnReason: valueLabel.nullish(),
    returnReasonComment: z.string().nullish(),
    returnCondition: valueLabel.nullish(),
    returnConditionComment: z.string().nullish(),
  })
  .refine((item) => item.orderItemRef !== undefined || item.productRef !== undefined, { message: 'needs orderItemRef or productRef' });
export type ReturnItem = z.infer<typeof returnItem>;
/** The event attributes read here, built once (a zod schema compiles on first use). */
const returnItemsAttribute = z.object({ returnItems: z.array(returnItem) });

/** The event's `returnItems`: required, at least one. */
export function returnItemsOf(event: Readonly<OrchestrationEvent>, ruleName: string): ReturnItem[] {
  const raw = event.attributes['returnItems'];
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    throw new EventAttributeNotFoundException(`${ruleName}: event "${event.name}" needs the attribute "returnItems" (missing or empty).`);
  }
  return parseAttributes(event, returnItemsAttribute, ruleName).returnItems;
}

/** The order line a return item names, by order item ref or product ref. */
export function lineFor(lines: readonly OrderLine[], item: ReturnItem, order: Readonly<EntityView>, ruleName: string): OrderLine {
  const line = lines.find((l) => (item.orderItemRef !== undefined ? l.ref === item.orderItemRef : l.productRef === item.productRef));
  if (!line) throw new IllegalArgumentException(`${ruleName}: order "${order.ref ?? order.id}" has no item ${item.orderItemRef ?? item.productRef}.`);
  return line;
}

/** The quantity asked back per order line (several return items may name one line). */
export function requestedPerLine(
  lines: readonly OrderLine[],
  items: readonly ReturnItem[],
  order: Readonly<EntityView>,
  ruleName: string,
): Map<OrderLine, number> {
  const requested = new Map<OrderLine, number>();
  for (const item of items) {
    const line = lineFor(lines, item, order, ruleName);
    requested.set(line, (requested.get(line) ?? 0) + item.quantity);
  }
  return requested;
}
