/**
 * `order.ConfirmFulfilmentItems` (Order Reference Module, accepts FULFILMENT; also
 * `commonv2.ConfirmFulfilmentItems` in real workflows, real-world-usage.md): "Updates the quantity
 * details of fulfilment items in the incoming fulfilment entity using the quantity details from the
 * fulfilment items received in the event attribute. Filled, Rejected and Requested quantities are
 * updated" — one `updateFulfilment` mutation.
 * https://docs.fluentcommerce.com/building-blocks/confirmfulfilmentitems
 *
 * Event attribute `fulfilmentItems` (required, not empty): `[{id | ref, filledQuantity,
 * rejectedQuantity, requestedQuantity?}]` [inferred: item keys, the shape
 * AllocateConfirmedItemsByFulfilmentExpiry sends]. An item that is not one of the fulfilment's
 * fails the event, naming it; so do quantities that are negative or exceed what was requested.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException, parseAttributes } from './support/event-attributes.js';
import { fulfilmentItems } from './support/fulfilment-items.js';

const NAME = 'order.ConfirmFulfilmentItems';

const quantity = z.coerce.number().int().nonnegative();
const item = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    ref: z.string().optional(),
    filledQuantity: quantity,
    rejectedQuantity: quantity,
    requestedQuantity: quantity.optional(),
  })
  .refine((i) => i.id !== undefined || i.ref !== undefined, { message: 'needs "id" or "ref"' });
const attributes = z.object({ fulfilmentItems: z.array(item).min(1) });

export const confirmFulfilmentItems = defineRule({
  name: NAME,
  aliases: ['commonv2.ConfirmFulfilmentItems'],
  inferred: 'the keys of the fulfilmentItems entries',
  description: "Writes the filled, rejected and requested quantities of `fulfilmentItems` onto the fulfilment's items.",
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const { fulfilmentItems: confirmed } = parseAttributes(event, attributes, NAME);
    const own = fulfilmentItems(read, entity, NAME);
    const items = confirmed.map((c) => {
      const match = own.find((o) => (c.id !== undefined ? o.id === c.id : o.ref === c.ref));
      if (!match) throw new IllegalArgumentException(`${NAME}: fulfilment item "${c.id ?? c.ref}" is not an item of fulfilment "${entity.ref ?? entity.id}".`);
      const requested = c.requestedQuantity ?? match.requestedQuantity;
      if (c.filledQuantity + c.rejectedQuantity > requested) {
        throw new IllegalArgumentException(
          `${NAME}: fulfilment item "${c.id ?? c.ref}": filled ${c.filledQuantity} + rejected ${c.rejectedQuantity} exceed requested ${requested}.`,
        );
      }
      return { id: match.id, requestedQuantity: requested, filledQuantity: c.filledQuantity, rejectedQuantity: c.rejectedQuantity };
    });
    return [{ type: 'mutate', mutation: 'updateFulfilment', input: { id: entity.id, items } }];
  },
});
