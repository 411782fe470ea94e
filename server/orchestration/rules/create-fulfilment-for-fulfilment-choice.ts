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
import { namedChoiceScope } from './support/fulfilment-choice.js';

const NAME = 'order.CreateFulfilmentForFulfilmentChoice';

export const createFulfilmentForFulfilmentChoice = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateFulfilmentForFulfilmentChoice'],
  inferred: 'on a FULFILMENT_CHOICE the choice itself; sourcing as commonv2.CreateFulfilment',
  description: 'Creates one fulfilment (as commonv2.CreateFulfilment) for the items of the fulfilment choice fulfilmentChoiceRef.',
  props: createFulfilment.props,
  run: (input) => createFulfilment.run({ ...input, ...namedChoiceScope(input, NAME) }),
});
