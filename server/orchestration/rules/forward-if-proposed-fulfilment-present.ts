/**
 * `commonv2.ForwardIfProposedFulfilmentPresent` (Order Reference Module, accepts ORDER): forwards
 * the event as props.eventName when it carries a `proposedFulfilment` with a location and at
 * least one item (SelectProposedFulfilment's output; workflow-contracts.md §5.2).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { proposalOf } from './support/order-sourcing.js';
import { eventName } from './support/props.js';

export const forwardIfProposedFulfilmentPresent = defineRule({
  name: 'commonv2.ForwardIfProposedFulfilmentPresent',
  aliases: ['order.ForwardIfProposedFulfilmentPresent'],
  description: 'Forwards props.eventName when the event carries a proposedFulfilment.',
  props: z.object({ eventName }),
  run: ({ event, entity, props }) => (proposalOf(event.attributes) ? [emit(forwardEvent(event, entity, props.eventName))] : []),
});
