/**
 * `updateInventoryQuantitiesStatus(filter: {position, type, status, expectedOn}, input: {status})`:
 * "bulk update the statuses of a list of Inventory Quantities" (schema description): the
 * position's quantities matching the filter get the new status; answers `{count}`.
 */
import type { Domain } from '../domain.js';
import { quantitiesOfPosition, type QuantityFilter } from '../quantities-of-position.js';
import { setStatuses } from './set-statuses.js';

type Args = { filter: QuantityFilter; input: { status: string } };

export function updateInventoryQuantitiesStatus(domain: Domain, args: Args): { count: number } {
  const { filter, input } = args;
  const quantities = quantitiesOfPosition(domain, filter, 'updateInventoryQuantitiesStatus');
  return { count: setStatuses(domain, 'InventoryQuantity', quantities, input.status) };
}
