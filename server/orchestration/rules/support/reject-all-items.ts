/**
 * The `updateFulfilment` effect that rejects every item of a fulfilment in full: filled 0, rejected
 * = requested (https://docs.fluentcommerce.com/building-blocks/cancelfulfilment, …/rejectfulfilment).
 * None for a fulfilment without items.
 */
import type { DomainReader, Effect, EntityView } from '../../port.js';
import { fulfilmentItems } from './fulfilment-items.js';

export function rejectAllItems(read: DomainReader, fulfilment: Readonly<EntityView>, ruleName: string): Effect[] {
  const items = fulfilmentItems(read, fulfilment, ruleName).map((i) => ({
    id: i.id,
    requestedQuantity: i.requestedQuantity,
    filledQuantity: 0,
    rejectedQuantity: i.requestedQuantity,
  }));
  return items.length === 0 ? [] : [{ type: 'mutate', mutation: 'updateFulfilment', input: { id: fulfilment.id, items } }];
}
