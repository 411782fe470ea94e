/**
 * `updateInventoryPositionsStatusByLocation(filter: {catalogue, locationRef}, input: {status})`:
 * "bulk update the statuses of a list of Inventory Positions" (schema description): every
 * position of the catalogue at the location gets the status; answers `{count}`.
 */
import type { Domain } from '../domain.js';
import { linkTo } from '../store/store.js';
import { findRequired } from '../find-entity.js';
import { setStatuses } from './set-statuses.js';

type Args = { filter: { catalogue: { ref: string }; locationRef: string }; input: { status: string } };

export function updateInventoryPositionsStatusByLocation(domain: Domain, args: Args): { count: number } {
  const { filter, input } = args;
  const catalogue = findRequired(domain, domain.view, 'InventoryCatalogue', filter.catalogue, 'updateInventoryPositionsStatusByLocation');
  const positions = domain.store.linkedFrom(linkTo(catalogue), 'InventoryPosition').filter((p) => p['locationRef'] === filter.locationRef);
  return { count: setStatuses(domain, 'InventoryPosition', positions, input.status) };
}
