/**
 * `order.ChangeOrderDeliveryAddress` (Order Reference Module): the OrderAddressChange event of the
 * HD contract (workflow-contracts.md §5.1, H: hd-workflow-interface-contracts) — optional
 * `deliveryAddress` {city, companyName, country, name, postcode, state, street} and
 * `changeReason` — updates the order's delivery address (its fulfilment choice's
 * `deliveryAddress`) through `updateCustomerAddress`.
 *
 * [inferred] (the rule page is not retrievable): the address record is updated in place, so the
 * order's fulfilments that ship to it see the change; its latitude and longitude are cleared, as
 * they described the old address; without `deliveryAddress` nothing changes; an order without a
 * delivery address is an error. On a mixed-basket order (ORDER::MULTI, workflow-contracts.md §5.4)
 * the address of every HD fulfilment choice changes (the contract names one address per order).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { choicesOf } from './support/fulfilment-choice.js';
import { walk } from './support/json-path.js';
import { orderOf } from './support/order-of.js';

const NAME = 'order.ChangeOrderDeliveryAddress';
const field = z.string().optional();
const attributes = z.object({
  changeReason: z.string().nullish(),
  deliveryAddress: z.object({ city: field, companyName: field, country: field, name: field, postcode: field, state: field, street: field }).nullish(),
});

export const changeOrderDeliveryAddress = defineRule({
  name: NAME,
  aliases: ['commonv2.ChangeOrderDeliveryAddress'],
  inferred: 'the address is updated in place and its coordinates cleared; on MULTI, every HD choice',
  description: "Updates the order's delivery address from event attribute deliveryAddress (OrderAddressChange).",
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const order = orderOf(entity, read, NAME);
    const { deliveryAddress } = parseAttributes(event, attributes, NAME);
    if (!deliveryAddress) return [];
    const addresses =
      order.subtype === 'MULTI'
        ? choicesOf(read, order)
            .filter((c) => c.subtype === 'HD')
            .map((c) => c.fields['deliveryAddress'])
        : [read.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'fulfilmentChoice')[0]?.['deliveryAddress']];
    const ids = [...new Set(addresses.map((a) => walk(a, ['id'])).filter((id) => typeof id === 'string' || typeof id === 'number'))].map(String);
    if (ids.length === 0) throw new Error(`${NAME}: order "${order.ref ?? order.id}" has no delivery address to change.`);
    const changes = Object.fromEntries(Object.entries(deliveryAddress).filter(([, v]) => v !== undefined));
    return ids.map((id) => ({ type: 'mutate', mutation: 'updateCustomerAddress', input: { id, ...changes, latitude: null, longitude: null } }));
  },
});
