import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

/**
 * VIRTUAL_CATALOGUE::BASE fed by the inventory catalogue (workflow-contracts.md §2.1, §3.1): a
 * 500-record inventory batch for positions that do not exist yet creates them with the right
 * onHand, and each raises VirtualCatalogueEvent on the virtual catalogue whose network holds the
 * location, which upserts its BASE virtual position; a reservation lowers the virtual quantity.
 * Both `virtualPositions` and `searchVirtualInventory` answer from the stored positions.
 */
const STORES = ['LOC_MEL_STORE', 'LOC_SYD_STORE'];
const ALL = [...STORES, 'LOC_MEL_DC'];

describe('VirtualCatalogueEvent from inventory changes', () => {
  it('derives virtual positions from a 500-record batch and follows a reservation', async () => {
    const t = await createTestApp();
    const engine = t.sim.accounts.get('LOCAL')!.orchestration!.engine;
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const networks = await t.gql<{ networks: { edges: { node: { id: string; ref: string } }[] } }>('{ networks(first: 10) { edges { node { id ref } } } }');
    const storesId = networks.data.networks.edges.find((e) => e.node.ref === 'STORES')!.node.id;
    const created = await t.gql(
      `mutation { createVirtualCatalogue(input: { ref: "VC:STORES", type: "BASE", name: "Stores", inventoryCatalogueRef: "DEFAULT:1", productCatalogueRef: "PC:MASTER:1", networkIds: ["${storesId}"] }) { id } }`,
    );
    expect(created).not.toHaveProperty('errors');
    const vcEvent = {
      retailerId: '1',
      entityType: 'VIRTUAL_CATALOGUE',
      entitySubtype: 'BASE',
      entityRef: 'VC:STORES',
      rootEntityType: 'VIRTUAL_CATALOGUE',
      rootEntityRef: 'VC:STORES',
    };
    expect(
      (
        await request(t.app)
          .post('/api/v4.1/event/sync')
          .set(auth)
          .send({ ...vcEvent, name: 'CREATE' })
      ).body.eventStatus,
    ).toBe('COMPLETE');

    const records = Array.from({ length: 500 }, (_, i) => ({ skuRef: `VSKU-${i % 200}`, locationRef: ALL[Math.floor(i / 200)]!, qty: i, retailerId: 1 }));
    const jobId = (await request(t.app).post('/api/v4.1/job').set(auth).send({ name: 'stock', retailerId: '1' })).body.id as string;
    const batch = await request(t.app)
      .post(`/api/v4.1/job/${jobId}/batch`)
      .set(auth)
      .send({ action: 'UPSERT', entityType: 'INVENTORY', catalogueRef: 'DEFAULT:1', entities: records });
    expect(batch.status).toBe(200);
    await expect
      .poll(async () => (await request(t.app).get(`/api/v4.1/job/${jobId}/batch/${batch.body.id}`).set(auth)).body.status, { timeout: 60_000 })
      .toBe('COMPLETE');
    await engine.drain();

    const onHand = async (ref: string) =>
      (await t.gql<{ inventoryPosition: { onHand: number } | null }>(`{ inventoryPosition(ref: "${ref}", catalogue: { ref: "DEFAULT:1" }) { onHand } }`)).data
        .inventoryPosition?.onHand;
    expect(await onHand('VSKU-7:LOC_MEL_STORE')).toBe(7);
    expect(await onHand('VSKU-7:LOC_SYD_STORE')).toBe(207);
    expect(await onHand('VSKU-7:LOC_MEL_DC')).toBe(407);

    type VP = { ref: string; productRef: string; groupRef: string; quantity: number; status: string };
    const positions = async () =>
      (
        await t.gql<{ virtualCatalogue: { virtualPositions: { edges: { node: VP }[] } } }>(
          '{ virtualCatalogue(ref: "VC:STORES") { virtualPositions(first: 5000) { edges { node { ref productRef groupRef quantity status } } } } }',
        )
      ).data.virtualCatalogue.virtualPositions.edges.map((e) => e.node);
    const derived = await positions();
    // 200 SKUs at each of the two stores; LOC_MEL_DC is outside the STORES network.
    expect(derived).toHaveLength(400);
    expect(derived.every((vp) => STORES.includes(vp.groupRef) && vp.status === 'ACTIVE')).toBe(true);
    expect(derived.find((vp) => vp.ref === 'VSKU-7:LOC_SYD_STORE')).toEqual({
      ref: 'VSKU-7:LOC_SYD_STORE',
      productRef: 'VSKU-7',
      groupRef: 'LOC_SYD_STORE',
      quantity: 207,
      status: 'ACTIVE',
    });

    const reserve = await request(t.app)
      .post('/api/v4.1/event/sync')
      .set(auth)
      .send({
        name: 'UpdateInventoryQty',
        retailerId: '1',
        entityType: 'INVENTORY_CATALOGUE',
        entitySubtype: 'DEFAULT',
        entityRef: 'DEFAULT:1',
        rootEntityType: 'INVENTORY_CATALOGUE',
        rootEntityRef: 'DEFAULT:1',
        attributes: { items: [{ fulfilmentId: 'F-9', skuRef: 'VSKU-7', locationRef: 'LOC_SYD_STORE', reservedQty: 5 }] },
      });
    expect(reserve.body.eventStatus).toBe('COMPLETE');
    await engine.drain();
    expect(await onHand('VSKU-7:LOC_SYD_STORE')).toBe(202);
    expect((await positions()).find((vp) => vp.ref === 'VSKU-7:LOC_SYD_STORE')?.quantity).toBe(202);

    type Found = { location: { ref: string }; virtualPositions: { ref: string; quantity: number }[] };
    const search = await t.gql<{ searchVirtualInventory: { edges: { node: Found }[] } }>(
      '{ searchVirtualInventory(virtualCatalogue: { ref: "VC:STORES" }, productQuantities: [{ productRef: "VSKU-7", quantity: 1 }]) { edges { node { location { ref } virtualPositions { ref quantity } } } } }',
    );
    expect(search).not.toHaveProperty('errors');
    const found = search.data.searchVirtualInventory.edges.map((e) => e.node);
    expect(found.map((f) => f.location.ref).sort()).toEqual(STORES);
    expect(found.find((f) => f.location.ref === 'LOC_SYD_STORE')?.virtualPositions).toEqual([{ ref: 'VSKU-7:LOC_SYD_STORE', quantity: 202 }]);
  });
});
