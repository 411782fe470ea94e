/**
 * `order.AddFulfilmentTypeAttributeToFulfilmentByFulfilmentChoice` (Order Reference Module, accepts
 * FULFILMENT): the mixed-basket form of AddFulfilmentTypeAttributeToFulfilment — attribute
 * `FulfilmentType` (as the page spells it), CC_PFCP when a CC_PFS fulfilment ships from the pickup
 * location of its own fulfilment choice
 * (https://docs.fluentcommerce.com/building-blocks/addfulfilmenttypeattributetofulfilmentbyfulfilmentchoice).
 * A fulfilment without a choice compares against no pickup location [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { entityKey } from './support/entity-key.js';
import { choiceRefOf, choicesOf } from './support/fulfilment-choice.js';
import { fulfilmentTypeValue } from './support/fulfilment-type.js';
import { orderOf } from './support/order-of.js';

const NAME = 'order.AddFulfilmentTypeAttributeToFulfilmentByFulfilmentChoice';

export const addFulfilmentTypeAttributeToFulfilmentByFulfilmentChoice = defineRule({
  name: NAME,
  aliases: ['commonv2.AddFulfilmentTypeAttributeToFulfilmentByFulfilmentChoice'],
  inferred: 'a fulfilment without a fulfilment choice keeps its type',
  description: "Adds attribute FulfilmentType: the fulfilment type, or CC_PFCP for CC_PFS from its fulfilment choice's pickup location.",
  props: z.looseObject({}).nullish(),
  run: ({ entity, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const order = orderOf(entity, read, NAME);
    const choiceRef = choiceRefOf(entity.fields);
    const choice = choiceRef === undefined ? undefined : choicesOf(read, order).find((c) => c.ref === choiceRef);
    const value = fulfilmentTypeValue(entity, read, choice?.fields['pickupLocationRef'], NAME);
    return [{ type: 'setAttributes', target: entityKey(entity), attributes: [{ name: 'FulfilmentType', type: 'STRING', value }] }];
  },
});
