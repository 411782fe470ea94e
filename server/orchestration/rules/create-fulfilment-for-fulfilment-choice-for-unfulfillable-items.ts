/**
 * `order.CreateFulfilmentForFulfilmentChoiceForUnfulfillableItems` (Order Reference Module, accepts
 * FULFILMENT_CHOICE; H, workflow-contracts.md §5.4): the mixed-basket form of
 * CreateFulfilmentForUnfulfillableItems — one fulfilment at props.systemRejectedLocationRef, every
 * item rejected in full, for the quantity of the choice `fulfilmentChoiceRef` (required attribute)
 * that no live fulfilment covers; same props (systemRejectedLocationRef, acceptedStatuses,
 * rejectedStatuses, fulfilmentType)
 * (https://docs.fluentcommerce.com/building-blocks/createfulfilmentforfulfilmentchoiceforunfulfillableitems).
 * [inferred]: on a FULFILMENT_CHOICE the rule takes that choice without the attribute; the type
 * defaults to `<choice type>_PFDC`.
 */
import { defineRule } from '../port.js';
import { createFulfilmentForUnfulfillableItems } from './create-fulfilment-for-unfulfillable-items.js';
import { namedChoiceScope } from './support/fulfilment-choice.js';

const NAME = 'order.CreateFulfilmentForFulfilmentChoiceForUnfulfillableItems';

export const createFulfilmentForFulfilmentChoiceForUnfulfillableItems = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateFulfilmentForFulfilmentChoiceForUnfulfillableItems'],
  inferred: 'on a FULFILMENT_CHOICE the choice itself; default type <choice type>_PFDC',
  description:
    'Creates a fulfilment at props.systemRejectedLocationRef, all rejected, for the quantity of choice fulfilmentChoiceRef no live fulfilment covers.',
  props: createFulfilmentForUnfulfillableItems.props,
  run: (input) => createFulfilmentForUnfulfillableItems.run({ ...input, ...namedChoiceScope(input, NAME) }),
});
