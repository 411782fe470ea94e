/**
 * The delivery address of an order: its fulfilment choice's `deliveryAddress` (as the Order
 * Reference Module's ForwardIfDeliveryAddress… rules read it,
 * https://docs.fluentcommerce.com/building-blocks/forwardifdeliveryaddressnotpresent).
 */
import { isRecord } from '../../../lib/guards.js';
import type { DomainReader, EntityView } from '../../port.js';
import { walk } from './json-path.js';

/** Present = an object with at least one non-empty value [inferred: what "present" means]. */
export function orderDeliveryAddress(order: Readonly<EntityView>, read: DomainReader): Record<string, unknown> | undefined {
  const choice = read.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'fulfilmentChoice')[0];
  const address = choice?.['deliveryAddress'] ?? walk(order.fields, ['fulfilmentChoice', 'deliveryAddress']);
  if (!isRecord(address)) return undefined;
  const filled = Object.values(address).some((v) => v !== null && v !== undefined && v !== '');
  return filled ? address : undefined;
}
