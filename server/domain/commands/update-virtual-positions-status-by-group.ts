/**
 * `updateVirtualPositionsStatusByGroup(filter: {catalogue, groupRef}, input: {status})`: "bulk
 * update the statuses of a list of Virtual Positions" (schema description): every position of
 * the virtual catalogue in the group (a location or category ref) gets the status; answers `{count}`.
 */
import type { Domain } from '../domain.js';
import { linkTo } from '../store/store.js';
import { findRequired } from '../find-entity.js';
import { setStatuses } from './set-statuses.js';

type Args = { filter: { catalogue: { ref: string }; groupRef: string }; input: { status: string } };

export function updateVirtualPositionsStatusByGroup(domain: Domain, args: Args): { count: number } {
  const { filter, input } = args;
  const catalogue = findRequired(domain, domain.view, 'VirtualCatalogue', filter.catalogue, 'updateVirtualPositionsStatusByGroup');
  const positions = domain.store.linkedFrom(linkTo(catalogue), 'VirtualPosition').filter((p) => p['groupRef'] === filter.groupRef);
  return { count: setStatuses(domain, 'VirtualPosition', positions, input.status) };
}
