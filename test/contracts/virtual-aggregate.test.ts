import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { activateVirtualCatalogue, networkId, runInventoryBatch, sendSync, virtualPositions } from './inventory-support.js';

/**
 * VIRTUAL_CATALOGUE::AGGREGATE (workflow-contracts.md §3): one virtual position per product holding
 * the product's stock summed over the locations of the catalogue's networks (here the STORES
 * network: the two stores, not the DC), kept current by VirtualCatalogueEvent from the inventory
 * workflow. The ref `<productRef>` and groupRef = the catalogue's ref are [inferred].
 */
describe('VIRTUAL_CATALOGUE::AGGREGATE', () => {
  it('sums a product over the catalogue locations and follows later changes', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const stores = await networkId(t, 'STORES');
    const created = await t.gql(
      `mutation { createVirtualCatalogue(input: { ref: "VC:AGG", type: "AGGREGATE", name: "Stores total", inventoryCatalogueRef: "DEFAULT:1", productCatalogueRef: "PC:MASTER:1", networkIds: ["${stores}"] }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    await activateVirtualCatalogue(t, auth, 'VC:AGG', 'AGGREGATE');

    await runInventoryBatch(t, auth, [
      { skuRef: 'AGG-1', locationRef: 'LOC_MEL_STORE', qty: 10, retailerId: 1 },
      { skuRef: 'AGG-1', locationRef: 'LOC_SYD_STORE', qty: 7, retailerId: 1 },
      { skuRef: 'AGG-1', locationRef: 'LOC_MEL_DC', qty: 100, retailerId: 1 },
      { skuRef: 'AGG-2', locationRef: 'LOC_MEL_DC', qty: 50, retailerId: 1 },
    ]);
    // AGG-2 is only at the DC, outside the network: no position for it.
    expect(await virtualPositions(t, 'VC:AGG')).toEqual([{ ref: 'AGG-1', productRef: 'AGG-1', groupRef: 'VC:AGG', quantity: 17, status: 'ACTIVE' }]);

    const reserve = await sendSync(t, auth, {
      name: 'UpdateInventoryQty',
      entityType: 'INVENTORY_CATALOGUE',
      entitySubtype: 'DEFAULT',
      entityRef: 'DEFAULT:1',
      rootEntityType: 'INVENTORY_CATALOGUE',
      rootEntityRef: 'DEFAULT:1',
      attributes: { items: [{ fulfilmentId: 'F-2', skuRef: 'AGG-1', locationRef: 'LOC_SYD_STORE', reservedQty: 3 }] },
    });
    expect(reserve.body.eventStatus).toBe('COMPLETE');
    await expect.poll(async () => (await virtualPositions(t, 'VC:AGG'))[0]?.quantity).toBe(14);
  });

  it('fails a VirtualCatalogueEvent without productRef, naming it', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    await t.gql(
      'mutation { createVirtualCatalogue(input: { ref: "VC:AGG", type: "AGGREGATE", name: "All", inventoryCatalogueRef: "DEFAULT:1", productCatalogueRef: "PC:MASTER:1" }) { id } }',
    );
    await activateVirtualCatalogue(t, auth, 'VC:AGG', 'AGGREGATE');
    const entity = {
      entityType: 'VIRTUAL_CATALOGUE',
      entitySubtype: 'AGGREGATE',
      entityRef: 'VC:AGG',
      rootEntityType: 'VIRTUAL_CATALOGUE',
      rootEntityRef: 'VC:AGG',
    };
    const res = await sendSync(t, auth, { ...entity, name: 'VirtualCatalogueEvent', attributes: { locationRef: 'LOC_MEL_DC' } });
    expect(res.body).toMatchObject({ eventStatus: 'FAILED', errorMessage: expect.stringContaining('"productRef"') });
  });
});
