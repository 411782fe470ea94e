/**
 * `inventoryPositionAggregate(catalogue, productRef, type, status, networkRef)`: "the aggregate
 * onHand of Inventory Position for one Product" (schema description): `sum` of `onHand` and
 * `count` of the catalogue's positions for the product, narrowed by type and status (lists, any
 * value matches) and, with `networkRef`, to positions at the network's locations.
 * An unknown catalogue or network is C0120E.
 */
import type { GraphQLContext } from '../context.js';
import { buildPredicate } from '../../domain/filters.js';
import { linkTo } from '../../domain/store/store.js';
import { findRequired } from '../../domain/find-entity.js';
import { locationsOfNetwork } from './network-locations.js';

type Args = { catalogue: { ref: string }; productRef: string; type?: string[] | null; status?: string[] | null; networkRef?: string | null };

export function inventoryPositionAggregate(_parent: unknown, a: Args, ctx: GraphQLContext): { sum: number; count: number } {
  const { account } = ctx;
  const catalogue = findRequired(account, account.view, 'InventoryCatalogue', a.catalogue, 'inventoryPositionAggregate');
  const argDefs = account.model.queryType.getFields()['inventoryPositionAggregate']?.args ?? [];
  const matches = buildPredicate(
    account.store,
    argDefs.filter((d) => d.name === 'type' || d.name === 'status' || d.name === 'productRef'),
    a,
  );
  let positions = account.store.linkedFrom(linkTo(catalogue), 'InventoryPosition').filter(matches);
  if (a.networkRef != null) {
    const network = findRequired(account, account.view, 'Network', { ref: a.networkRef }, 'inventoryPositionAggregate');
    const refs = new Set(locationsOfNetwork(account, network).map((l) => l['ref']));
    positions = positions.filter((p) => refs.has(p['locationRef']));
  }
  const sum = positions.reduce((total, p) => total + (typeof p['onHand'] === 'number' ? p['onHand'] : 0), 0);
  return { sum, count: positions.length };
}
