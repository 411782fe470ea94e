/**
 * The props and the count behind ForwardIfMaxSplitLimitReached / …NotReached: how many of the
 * order's fulfilments count towards props.maxSplitLimit (those outside
 * props.excludedFulfilmentStatuses, default CANCELLED, REJECTED, EXPIRED, ESCALATED [inferred]).
 */
import { z } from 'zod';
import type { DomainReader, EntityView } from '../../port.js';
import { fulfilmentsOf, NOT_LIVE, outside } from './order-sourcing.js';
import { eventName, statusList } from './props.js';

export const splitLimitProps = z.object({ eventName, maxSplitLimit: z.coerce.number().int().min(1), excludedFulfilmentStatuses: statusList.optional() });

export function splitLimitReached(order: Readonly<EntityView>, read: DomainReader, props: z.infer<typeof splitLimitProps>, ruleName: string): boolean {
  if (order.entityType !== 'ORDER') throw new Error(`${ruleName} runs on ORDER, not ${order.entityType}.`);
  return fulfilmentsOf(order, read).filter(outside(props.excludedFulfilmentStatuses ?? NOT_LIVE)).length >= props.maxSplitLimit;
}
