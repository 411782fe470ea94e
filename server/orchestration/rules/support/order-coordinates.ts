/**
 * The coordinates of an order's delivery address (its fulfilment choice's `deliveryAddress`
 * `latitude` / `longitude`), as the Order Reference Module's ForwardIfOrderCoordinates… rules read
 * them (https://docs.fluentcommerce.com/building-blocks/forwardifordercoordinatespresent).
 */
import { walk } from './json-path.js';
import type { DomainReader, EntityView } from '../../port.js';

export type Coordinates = { latitude: number; longitude: number };

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function orderCoordinates(order: Readonly<EntityView>, read: DomainReader): Coordinates | undefined {
  const choice = read.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'fulfilmentChoice')[0];
  const address = choice?.['deliveryAddress'] ?? walk(order.fields, ['fulfilmentChoice', 'deliveryAddress']);
  const latitude = num(walk(address, ['latitude']));
  const longitude = num(walk(address, ['longitude']));
  return latitude === undefined || longitude === undefined ? undefined : { latitude, longitude };
}
