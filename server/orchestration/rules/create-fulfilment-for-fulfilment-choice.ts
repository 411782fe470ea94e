/**
 * `order.CreateFulfilmentForFulfilmentChoice` (Order Reference Module): creates a fulfilment for
 * the items of one fulfilment choice of a mixed-basket order (workflow-contracts.md §5.4, H:
 * attributes `proposedFulfilment` and `fulfilmentChoiceRef`, the latter required).
 *
 * It is `commonv2.CreateFulfilment` (same props, same sourcing, same createFulfilment mutation)
 * run on the order as if the choice were its only one: only the choice's items, its delivery
 * address or pickup location, its type (HD → HD_PFDC / HD_PFS, CC → CC_PFS / CC_PFDC) and
 * `fulfilmentChoiceRef`. [inferred]: on a FULFILMENT_CHOICE the rule takes that choice without
 * the attribute; items name their choice by `fulfilmentChoiceRef`.
 */
import { defineRule } from '../port.js';
import { createFulfilment } from './create-fulfilment.js';
import { EventAttributeNotFoundException, IllegalArgumentException } from './support/event-attributes.js';
import { choicesOf, scopedToChoice } from './support/fulfilment-choice.js';
import { orderOf } from './support/order-of.js';

const NAME = 'order.CreateFulfilmentForFulfilmentChoice';

export const createFulfilmentForFulfilmentChoice = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateFulfilmentForFulfilmentChoice'],
  inferred: 'on a FULFILMENT_CHOICE the choice itself; sourcing as commonv2.CreateFulfilment',
  description: 'Creates one fulfilment (as commonv2.CreateFulfilment) for the items of the fulfilment choice fulfilmentChoiceRef.',
  props: createFulfilment.props,
  run: (input) => {
    const { event, entity, read } = input;
    const order = orderOf(entity, read, NAME);
    const ref = entity.entityType === 'FULFILMENT_CHOICE' ? entity.ref : event.attributes['fulfilmentChoiceRef'];
    if (typeof ref !== 'string' || ref.length === 0) {
      throw new EventAttributeNotFoundException(`${NAME}: event "${event.name}" needs the attribute "fulfilmentChoiceRef" (missing or empty).`);
    }
    const choice = choicesOf(read, order).find((c) => c.ref === ref);
    if (!choice) throw new IllegalArgumentException(`${NAME}: order "${order.ref ?? order.id}" has no fulfilment choice "${ref}".`);
    const scoped = scopedToChoice(read, order, choice);
    return createFulfilment.run({ ...input, entity: scoped.order, read: scoped.read });
  },
});
