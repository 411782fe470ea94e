/**
 * Simulator-only stand-in for the virtual positions of a virtual catalogue that has none: one
 * BASE position per inventory position of the catalogue's inventory catalogue, at the locations
 * of the catalogue's networks (any location when it names none), with `quantity = onHand`,
 * `groupRef = locationRef` and the inventory position's id. Nothing is stored. On the platform
 * the inventory workflows maintain virtual positions; without them `searchVirtualInventory`
 * would always answer empty [inferred, see search-virtual-inventory.ts].
 */
import type { Domain } from '../../domain/domain.js';
import { linkTo, type EntityRecord } from '../../domain/store/store.js';
import { locationsOfNetwork } from './network-locations.js';

export function derivedVirtualPositions(account: Domain, catalogue: EntityRecord): EntityRecord[] {
  const { store, entities, view } = account;
  const inventory =
    typeof catalogue['inventoryCatalogueRef'] === 'string'
      ? entities.findByKey(view, 'InventoryCatalogue', { ref: catalogue['inventoryCatalogueRef'] })
      : undefined;
  if (!inventory) return [];
  const networkIds = Array.isArray(catalogue['networkIds']) ? (catalogue['networkIds'] as unknown[]).map(String) : [];
  const allowed = networkIds.length
    ? new Set(
        networkIds.flatMap((id) => {
          const network = store.get('Network', id);
          return network ? locationsOfNetwork(account, network).map((l) => l['ref']) : [];
        }),
      )
    : undefined;
  return store
    .linkedFrom(linkTo(inventory), 'InventoryPosition')
    .filter((p) => allowed === undefined || allowed.has(p['locationRef']))
    .map((p) => ({
      __typename: 'VirtualPosition',
      id: p.id,
      createdOn: p['createdOn'],
      updatedOn: p['updatedOn'],
      ref: `${String(p['productRef'])}:${String(p['locationRef'])}`,
      type: 'BASE',
      status: p['status'],
      workflowRef: 'VIRTUAL_POSITION::BASE',
      workflowVersion: 1,
      productRef: p['productRef'],
      quantity: typeof p['onHand'] === 'number' ? p['onHand'] : 0,
      groupRef: p['locationRef'],
      catalogue: linkTo(catalogue),
    }));
}
