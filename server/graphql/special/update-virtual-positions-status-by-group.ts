/**
 * `updateVirtualPositionsStatusByGroup(filter: {catalogue, groupRef}, input: {status})`: "bulk
 * update the statuses of a list of Virtual Positions" (schema description): every position of
 * the virtual catalogue in the group (a location or category ref) gets the status; answers `{count}`.
 */
import type { GraphQLContext } from '../context.js';
import { linkTo } from '../../domain/store/store.js';
import { findRequired } from './find-entity.js';
import { setStatuses } from './set-statuses.js';

type Args = { filter: { catalogue: { ref: string }; groupRef: string }; input: { status: string } };

export function updateVirtualPositionsStatusByGroup(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext): { count: number } {
  const { filter, input } = args as Args;
  const { account } = ctx;
  const catalogue = findRequired(account, account.view, 'VirtualCatalogue', filter.catalogue, 'updateVirtualPositionsStatusByGroup');
  const positions = account.store.linkedFrom(linkTo(catalogue), 'VirtualPosition').filter((p) => p['groupRef'] === filter.groupRef);
  return { count: setStatuses(account, 'VirtualPosition', positions, input.status) };
}
