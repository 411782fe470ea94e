/**
 * `updateInventoryPositionsStatusByLocation(filter: {catalogue, locationRef}, input: {status})`:
 * "bulk update the statuses of a list of Inventory Positions" (schema description): every
 * position of the catalogue at the location gets the status; answers `{count}`.
 */
import type { GraphQLContext } from '../context.js';
import { linkTo } from '../../domain/store/store.js';
import { findRequired } from './find-entity.js';
import { setStatuses } from './set-statuses.js';

type Args = { filter: { catalogue: { ref: string }; locationRef: string }; input: { status: string } };

export function updateInventoryPositionsStatusByLocation(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext): { count: number } {
  const { filter, input } = args as Args;
  const { account } = ctx;
  const catalogue = findRequired(account, account.view, 'InventoryCatalogue', filter.catalogue, 'updateInventoryPositionsStatusByLocation');
  const positions = account.store.linkedFrom(linkTo(catalogue), 'InventoryPosition').filter((p) => p['locationRef'] === filter.locationRef);
  return { count: setStatuses(account, 'InventoryPosition', positions, input.status) };
}
