/**
 * `base.CreateReturnFulfilment` (legacy FLUENTRETAIL.base library, called by real RETURN_ORDER
 * workflows: real-world-usage.md): from a RETURN_ORDER, creates the RETURN_FULFILMENT that brings
 * its items back, through `createReturnFulfilment`; the platform then raises the return
 * fulfilment's CREATE (workflow-contracts.md §0, §9.1).
 *
 * No Fluent page documents the rule: everything but the mutation's input shape is [inferred]. One
 * return fulfilment for all the return order's items, each with its return order item's quantity
 * and product; its lodged and destination locations and pickup address are the return order's
 * (the destination is required by `CreateReturnFulfilmentInput`); ref `<return ref>-RF1`; type
 * props.type, else the return order's type (so its rulesets share the return order's subtype).
 * A return order that already has a return fulfilment gets no second one.
 */
import { z } from 'zod';
import type { DomainReader, EntityView } from '../port.js';
import { defineRule } from '../port.js';
import { walk } from './support/json-path.js';

const NAME = 'base.CreateReturnFulfilment';

const ADDRESS_FIELDS = ['companyName', 'name', 'street', 'city', 'state', 'postcode', 'region', 'country', 'latitude', 'longitude', 'timeZone'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value : undefined);
const link = (value: unknown): { ref: string } | undefined => {
  const ref = text(walk(value, ['ref']));
  return ref === undefined ? undefined : { ref };
};

/** The createReturnFulfilment items: one per return order item, keyed by the return order. */
function returnFulfilmentItems(read: DomainReader, returnOrder: Readonly<EntityView>, ref: string, key: { ref: string; retailer: { id: string } }) {
  const items = read.related({ entityType: 'RETURN_ORDER', id: returnOrder.id, ref: returnOrder.ref }, 'returnOrderItems');
  if (items.length === 0) throw new Error(`${NAME}: return order "${returnOrder.ref ?? returnOrder.id}" has no items to return.`);
  return items.map((item, i) => {
    const productRef = text(walk(item, ['product', 'ref']));
    const productId = text(walk(item, ['product', 'id']));
    // Links come expanded one level: the product's catalogue is read from the product itself.
    const product = productRef || productId ? read.find({ entityType: 'PRODUCT', id: productId, ref: productRef }) : undefined;
    const catalogueRef = text(walk(product?.fields['catalogue'], ['ref']));
    return {
      ref: `${ref}-${i + 1}`,
      returnOrderItem: { ref: String(item['ref']), returnOrder: key },
      unitQuantity: { quantity: Number(walk(item, ['unitQuantity', 'quantity']) ?? 0) },
      ...(productRef && catalogueRef ? { product: { ref: productRef, catalogue: { ref: catalogueRef } } } : {}),
    };
  });
}

export const createReturnFulfilment = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateReturnFulfilment'],
  inferred: 'props (type), ref, one return fulfilment for all items at the return order locations',
  description: "Creates a return fulfilment (createReturnFulfilment) for all the return order's items, to its destination location.",
  props: z
    .object({ type: z.string().trim().min(1).optional() })
    .nullish()
    .transform((props) => props ?? {}),
  run: ({ entity, props, read }) => {
    if (entity.entityType !== 'RETURN_ORDER') throw new Error(`${NAME} runs on RETURN_ORDER, not ${entity.entityType}.`);
    const returnOrder = entity;
    if (read.children({ entityType: 'RETURN_ORDER', id: returnOrder.id, ref: returnOrder.ref }, 'RETURN_FULFILMENT').length > 0) return [];
    const destination = link(returnOrder.fields['destinationLocation']);
    if (!destination) throw new Error(`${NAME}: return order "${returnOrder.ref ?? returnOrder.id}" has no destinationLocation to return to.`);
    const ref = `${returnOrder.ref ?? returnOrder.id}-RF1`;
    const key = { ref: returnOrder.ref ?? returnOrder.id, retailer: { id: returnOrder.retailerId ?? '1' } };
    const lodged = link(returnOrder.fields['lodgedLocation']);
    const pickup = returnOrder.fields['pickupAddress'];
    const address =
      pickup && typeof pickup === 'object' ? Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, walk(pickup, [f])]).filter(([, v]) => v != null)) : {};
    const input = {
      ref,
      returnOrder: key,
      type: props.type ?? returnOrder.subtype ?? 'DEFAULT',
      ...(lodged ? { lodgedLocation: lodged } : {}),
      destinationLocation: destination,
      ...(Object.keys(address).length > 0 ? { pickupAddress: address } : {}),
      returnFulfilmentItems: returnFulfilmentItems(read, returnOrder, ref, key),
    };
    return [{ type: 'mutate', mutation: 'createReturnFulfilment', input }];
  },
});
