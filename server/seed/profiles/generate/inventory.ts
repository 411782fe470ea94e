/**
 * Inventory: every sellable SKU (variants, standard products without variants) at a few
 * locations, each position with its LAST_ON_HAND quantity; and the ACTIVE virtual catalogue over
 * BASE, created first so the inventory workflow derives its virtual positions (CREATE of each
 * position → VirtualCatalogueEvent).
 */
import type { ProfileContext } from './profile-context.js';
import { INVENTORY_CATALOGUE_REF, PRODUCT_CATALOGUE_REF, PROFILE_RETAILER_ID, VIRTUAL_CATALOGUE_REF, type Location, type Sku } from './profile-data.js';

/** Returns the number of positions per SKU. */
export function generateInventory(ctx: ProfileContext, skus: readonly Sku[], locations: readonly Location[]): number {
  const { faker, sizes, step } = ctx;
  step('createInventoryCatalogue', {
    ref: INVENTORY_CATALOGUE_REF,
    type: 'DEFAULT',
    name: 'Inventory of retailer 1',
    description: 'Default inventory catalogue',
    retailerRefs: [PROFILE_RETAILER_ID],
  });
  step('createVirtualCatalogue', {
    ref: VIRTUAL_CATALOGUE_REF,
    type: 'BASE',
    name: 'Available to sell',
    description: 'Virtual catalogue over the BASE network',
    inventoryCatalogueRef: INVENTORY_CATALOGUE_REF,
    productCatalogueRef: PRODUCT_CATALOGUE_REF,
    networkIds: ['$network-BASE.id'],
    retailerRefs: [PROFILE_RETAILER_ID],
  });
  // Active before the positions: each position's CREATE then derives its virtual position.
  step('updateVirtualCatalogue', { ref: VIRTUAL_CATALOGUE_REF, status: 'ACTIVE' });
  const inventory = { ref: INVENTORY_CATALOGUE_REF };
  const perSku = Math.min(sizes.positionsPerSku, locations.length);
  const locationIndex = new Map(locations.map((l, i) => [l.ref, i]));
  for (const sku of skus) {
    const at = faker.helpers.arrayElements(locations, perSku).sort((a, b) => locationIndex.get(a.ref)! - locationIndex.get(b.ref)!);
    for (const location of at) {
      const onHand = faker.number.int({ min: 0, max: location.type === 'WAREHOUSE' ? 400 : 40 });
      const ref = `${sku.ref}:${location.ref}`;
      step('createInventoryPosition', { ref, catalogue: inventory, type: 'DEFAULT', productRef: sku.ref, locationRef: location.ref, onHand });
      step('createInventoryQuantity', {
        ref: `${ref}:LAST_ON_HAND`,
        catalogue: inventory,
        position: { ref, catalogue: inventory },
        type: 'LAST_ON_HAND',
        quantity: onHand,
        condition: 'NEW',
        storageAreaRef: location.areas[0],
      });
    }
  }
  return perSku;
}
