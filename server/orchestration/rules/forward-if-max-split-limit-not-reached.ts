/**
 * `commonv2.ForwardIfMaxSplitLimitNotReached` (Order Reference Module, accepts ORDER): forwards
 * the event as props.eventName while the order has fewer than props.maxSplitLimit fulfilments
 * (outside props.excludedFulfilmentStatuses) (workflow-contracts.md §5.2).
 */
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { splitLimitProps, splitLimitReached } from './support/split-limit.js';

const NAME = 'commonv2.ForwardIfMaxSplitLimitNotReached';

export const forwardIfMaxSplitLimitNotReached = defineRule({
  name: NAME,
  aliases: ['order.ForwardIfMaxSplitLimitNotReached'],
  inferred: 'default excludedFulfilmentStatuses',
  description: 'Forwards props.eventName while the order has fewer than props.maxSplitLimit live fulfilments.',
  props: splitLimitProps,
  run: ({ event, entity, props, read }) => (splitLimitReached(entity, read, props, NAME) ? [] : [emit(forwardEvent(event, entity, props.eventName))]),
});
