/**
 * The value of the fulfilment-type attribute the AddFulfilmentTypeAttributeToFulfilment… rules add
 * (https://docs.fluentcommerce.com/building-blocks/addfulfilmenttypeattributetofulfilment): the
 * fulfilment's type, or `CC_PFCP` (pick from the collection point) for a CC_PFS fulfilment sent
 * from the pickup location itself.
 */
import type { DomainReader, EntityView } from '../../port.js';
import { locationRefOf } from './order-sourcing.js';

/** The fulfilment's type, or CC_PFCP when a CC_PFS fulfilment ships from `pickupLocationRef` itself. */
export function fulfilmentTypeValue(fulfilment: Readonly<EntityView>, read: DomainReader, pickupLocationRef: unknown, ruleName: string): string {
  const type = fulfilment.subtype;
  if (type === undefined || type.length === 0) throw new Error(`${ruleName}: fulfilment "${fulfilment.ref ?? fulfilment.id}" has no type.`);
  return type === 'CC_PFS' && typeof pickupLocationRef === 'string' && locationRefOf(fulfilment, read) === pickupLocationRef ? 'CC_PFCP' : type;
}
