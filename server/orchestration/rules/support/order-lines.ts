/**
 * An order's items as plain lines, by product, for the rules that rebuild, credit or return them
 * (OrderRevision, credit memos, returns). `returnable` is the item attribute `returnableQTY` that
 * UpdateOrderItemAttribute keeps (https://docs.fluentcommerce.com/building-blocks/updateorderitemattribute),
 * the ordered quantity until a return sets it [inferred].
 */
import type { DomainReader, EntityView } from '../../port.js';
import { choiceRefOf } from './fulfilment-choice.js';
import { walk } from './json-path.js';

export const RETURNABLE_QTY = 'returnableQTY';

/** One line of an order as createOrder takes it. */
export type OrderLine = {
  /** The order item's id; absent on a line a revision adds. */
  id?: string | undefined;
  ref: string;
  productRef: string;
  productCatalogueRef?: string | undefined;
  quantity: number;
  price?: number | undefined;
  taxPrice?: number | undefined;
  currency?: string | undefined;
  returnable?: number | undefined;
  /** The fulfilment choice of a mixed-basket (MULTI) order the line belongs to. */
  fulfilmentChoiceRef?: string | undefined;
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The order's items as lines, by product ref. */
export function currentLines(read: DomainReader, order: Readonly<EntityView>): OrderLine[] {
  return read.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'items').map((item) => ({
    id: String(item['id']),
    ref: String(item['ref'] ?? item['id']),
    productRef: text(item['productRef']) ?? String(walk(item['product'], ['ref']) ?? ''),
    productCatalogueRef: text(item['productCatalogueRef']),
    quantity: Number(item['quantity'] ?? 0),
    price: num(item['price']),
    taxPrice: num(item['taxPrice']),
    currency: text(item['currency']),
    returnable: returnableOf(item),
    fulfilmentChoiceRef: choiceRefOf(item),
  }));
}

/** The item's `returnableQTY` attribute as a number, or its quantity. */
function returnableOf(item: Record<string, unknown>): number {
  const attributes: unknown[] = Array.isArray(item['attributes']) ? item['attributes'] : [];
  const value = Number(attributes.map((a) => walk(a, ['name']) === RETURNABLE_QTY && walk(a, ['value'])).find((v) => v !== false && v != null));
  return Number.isFinite(value) ? value : Number(item['quantity'] ?? 0);
}
