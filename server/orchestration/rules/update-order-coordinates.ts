/**
 * `order.UpdateOrderCoordinates` (Order Reference Module, accepts ORDER): writes the event
 * attributes `latitude` and `longitude` (Double, both required; sent by ResolveOrderCoordinates)
 * onto the order's delivery address through `updateCustomerAddress`
 * (https://docs.fluentcommerce.com/building-blocks/updateordercoordinates). A coordinate outside
 * ±90 / ±180 fails the event [inferred]; so does an order without a delivery address.
 * On a FULFILMENT_CHOICE (ORDER::MULTI) it writes onto that choice's delivery address [inferred:
 * support/fulfilment-choice.ts orderScope; workflow-contracts.md §5.4].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { orderScope } from './support/fulfilment-choice.js';
import { walk } from './support/json-path.js';

const NAME = 'order.UpdateOrderCoordinates';
// A Double given as a JSON number or a numeric string ("-33.87"); absent stays absent, so it is reported as missing.
const double = (limit: number) => z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number().finite().min(-limit).max(limit));
const attributes = z.object({ latitude: double(90), longitude: double(180) });

export const updateOrderCoordinates = defineRule({
  name: NAME,
  aliases: ['commonv2.UpdateOrderCoordinates'],
  inferred: "range check of the coordinates; on a FULFILMENT_CHOICE, the choice's address",
  description: "Sets the order delivery address's latitude and longitude from the event attributes latitude and longitude.",
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const { order, read: scoped } = orderScope(entity, read, NAME);
    const { latitude, longitude } = parseAttributes(event, attributes, NAME);
    const choice = scoped.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'fulfilmentChoice')[0];
    const id = walk(choice?.['deliveryAddress'], ['id']);
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`${NAME}: order "${order.ref ?? order.id}" has no delivery address to update.`);
    return [{ type: 'mutate', mutation: 'updateCustomerAddress', input: { id: String(id), latitude, longitude } }];
  },
});
