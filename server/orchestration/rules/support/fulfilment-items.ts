/**
 * A fulfilment's items with the product each one is for (fulfilment items point at order items,
 * order items at products), and the quantities the pick step writes on them.
 */
import type { DomainReader, EntityView } from '../../port.js';
import { walk } from './json-path.js';
import { orderOf } from './order-of.js';

export type FulfilmentItemView = {
  id: string;
  ref: string | undefined;
  /** The order item the fulfilment item is for. */
  orderItemId: string | undefined;
  productRef: string | undefined;
  requestedQuantity: number;
  filledQuantity: number;
  rejectedQuantity: number;
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const count = (v: unknown): number => (Number.isFinite(Number(v)) ? Number(v) : 0);

export function fulfilmentItems(read: DomainReader, fulfilment: Readonly<EntityView>, ruleName: string): FulfilmentItemView[] {
  const order = orderOf(fulfilment, read, ruleName);
  const orderItems = read.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'items');
  const productOf = new Map(orderItems.map((i) => [String(i['id']), text(walk(i['product'], ['ref'])) ?? text(i['productRef'])]));
  return read.related({ entityType: 'FULFILMENT', id: fulfilment.id, ref: fulfilment.ref }, 'items').map((item) => ({
    id: String(item['id']),
    ref: text(item['ref']),
    orderItemId: text(String(walk(item['orderItem'], ['id']) ?? '')),
    productRef: productOf.get(String(walk(item['orderItem'], ['id']))),
    requestedQuantity: count(item['requestedQuantity']),
    filledQuantity: count(item['filledQuantity']),
    rejectedQuantity: count(item['rejectedQuantity']),
  }));
}

type Quantity = 'ALL' | 'PARTIAL' | 'NONE';

/** How much of a fulfilment was filled: ALL items to their requested quantity, NONE at all, or PARTIAL. */
export function filledQuantity(items: readonly { requestedQuantity: number; filledQuantity: number }[]): Quantity {
  const filled = items.reduce((sum, i) => sum + i.filledQuantity, 0);
  if (filled === 0) return 'NONE';
  return items.every((i) => i.filledQuantity >= i.requestedQuantity) ? 'ALL' : 'PARTIAL';
}
