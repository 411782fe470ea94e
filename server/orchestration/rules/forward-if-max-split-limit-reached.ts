/**
 * `commonv2.ForwardIfMaxSplitLimitReached` (Order Reference Module, accepts ORDER): forwards the
 * event as props.eventName when the order already has props.maxSplitLimit fulfilments (outside
 * props.excludedFulfilmentStatuses), so no further split is made (workflow-contracts.md §5.2;
 * props as real HD workflows set them, real-world-usage.md).
 */
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { splitLimitProps, splitLimitReached } from './support/split-limit.js';

const NAME = 'commonv2.ForwardIfMaxSplitLimitReached';

export const forwardIfMaxSplitLimitReached = defineRule({
  name: NAME,
  aliases: ['order.ForwardIfMaxSplitLimitReached'],
  inferred: 'default excludedFulfilmentStatuses',
  description: 'Forwards props.eventName when the order has props.maxSplitLimit live fulfilments.',
  props: splitLimitProps,
  run: ({ event, entity, props, read }) => (splitLimitReached(entity, read, props, NAME) ? [emit(forwardEvent(event, entity, props.eventName))] : []),
});
