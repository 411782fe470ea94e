/**
 * `order.AddFulfilmentTypeAttributeToFulfilment` (Order Reference Module, accepts FULFILMENT; H,
 * workflow-contracts.md §5.3, §6.1): adds the attribute `FULFILMENTTYPE` (STRING) to the
 * fulfilment: its type, or `CC_PFCP` for a CC_PFS fulfilment sent from the order's own pickup
 * location (https://docs.fluentcommerce.com/building-blocks/addfulfilmenttypeattributetofulfilment).
 * The page names an updateFulfilment mutation; the simulator upserts the attribute by name, as that
 * mutation does. A fulfilment without a type, or outside an order, fails the event.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { entityKey } from './support/entity-key.js';
import { fulfilmentTypeValue } from './support/fulfilment-type.js';
import { walk } from './support/json-path.js';
import { orderOf } from './support/order-of.js';

const NAME = 'order.AddFulfilmentTypeAttributeToFulfilment';

export const addFulfilmentTypeAttributeToFulfilment = defineRule({
  name: NAME,
  aliases: ['commonv2.AddFulfilmentTypeAttributeToFulfilment'],
  description: 'Adds attribute FULFILMENTTYPE: the fulfilment type, or CC_PFCP for CC_PFS from the order pickup location.',
  props: z.looseObject({}).nullish(),
  run: ({ entity, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const order = orderOf(entity, read, NAME);
    const value = fulfilmentTypeValue(entity, read, walk(order.fields, ['fulfilmentChoice', 'pickupLocationRef']), NAME);
    return [{ type: 'setAttributes', target: entityKey(entity), attributes: [{ name: 'FULFILMENTTYPE', type: 'STRING', value }] }];
  },
});
