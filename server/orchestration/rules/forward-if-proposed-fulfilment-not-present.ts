/**
 * `commonv2.ForwardIfProposedFulfilmentNotPresent` (Order Reference Module, accepts ORDER):
 * forwards the event as props.eventName when it carries no usable `proposedFulfilment` (no
 * location has any remaining item; workflow-contracts.md §5.2).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { proposalOf } from './support/order-sourcing.js';
import { eventName } from './support/props.js';

export const forwardIfProposedFulfilmentNotPresent = defineRule({
  name: 'commonv2.ForwardIfProposedFulfilmentNotPresent',
  aliases: ['order.ForwardIfProposedFulfilmentNotPresent'],
  description: 'Forwards props.eventName when the event carries no proposedFulfilment.',
  props: z.object({ eventName }),
  run: ({ event, entity, props }) => (proposalOf(event.attributes) ? [] : [emit(forwardEvent(event, entity, props.eventName))]),
});
