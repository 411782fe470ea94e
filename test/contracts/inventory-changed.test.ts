import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { onHandOf, runInventoryBatch, sendSync, virtualPositions } from './inventory-support.js';

/**
 * InventoryChanged per workflow-contracts.md §2.1 (H): the Batch API raises one event per record on
 * the INVENTORY_CATALOGUE with the record as `inventoryPosition {productRef, locationRef, qty, …}`;
 * the catalogue's workflow creates the position when missing (product optional), upserts its
 * LAST_ON_HAND, sets onHand = LAST_ON_HAND + active RESERVED/SALE/CORRECTION/DELTA (§2.3), and the
 * seeded, ACTIVE virtual catalogue BASE:1 gets its virtual positions.
 */
const LOCATIONS = ['LOC_MEL_STORE', 'LOC_SYD_STORE', 'LOC_MEL_DC'];
const CATALOGUE = {
  entityType: 'INVENTORY_CATALOGUE',
  entitySubtype: 'DEFAULT',
  entityRef: 'DEFAULT:1',
  rootEntityType: 'INVENTORY_CATALOGUE',
  rootEntityRef: 'DEFAULT:1',
};

describe('InventoryChanged on INVENTORY_CATALOGUE::DEFAULT', () => {
  it('creates 500 positions that do not exist yet, with their onHand and virtual positions, then follows later records', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    // 200 SKUs that are in no product catalogue, at three locations: qty = record index.
    const records = Array.from({ length: 500 }, (_, i) => ({ skuRef: `NEW-${i % 200}`, locationRef: LOCATIONS[Math.floor(i / 200)]!, qty: i, retailerId: 1 }));
    const batch = await runInventoryBatch(t, auth, records);
    expect(batch['results']).toEqual([]);

    const position = await t.gql<{ inventoryPosition: Record<string, unknown> }>(
      '{ inventoryPosition(ref: "NEW-7:LOC_SYD_STORE", catalogue: { ref: "DEFAULT:1" }) { type status productRef product { ref } onHand quantities { edges { node { ref type quantity status } } } } }',
    );
    expect(position.data.inventoryPosition).toEqual({
      type: 'DEFAULT',
      status: 'ACTIVE',
      productRef: 'NEW-7',
      product: null,
      onHand: 207,
      quantities: { edges: [{ node: { ref: 'NEW-7:LOC_SYD_STORE:LAST_ON_HAND', type: 'LAST_ON_HAND', quantity: 207, status: 'ACTIVE' } }] },
    });
    expect(await onHandOf(t, 'NEW-0:LOC_MEL_STORE')).toBe(0);
    expect(await onHandOf(t, 'NEW-99:LOC_MEL_DC')).toBe(499);

    // BASE:1 names no network: every location, one virtual position per new position.
    const derived = (await virtualPositions(t, 'BASE:1')).filter((vp) => vp.productRef.startsWith('NEW-'));
    expect(derived).toHaveLength(500);
    expect(derived.every((vp) => vp.status === 'ACTIVE' && vp.ref === `${vp.productRef}:${vp.groupRef}`)).toBe(true);
    expect(derived.find((vp) => vp.ref === 'NEW-7:LOC_SYD_STORE')?.quantity).toBe(207);

    // One event per record, on the catalogue, all COMPLETE.
    const events = await request(t.app)
      .get('/api/v4.1/event')
      .set(auth)
      .query({ name: 'InventoryChanged', 'context.entityRef': 'DEFAULT:1', eventType: 'ORCHESTRATION', count: 1000 });
    expect(events.body.results).toHaveLength(500);
    expect(
      events.body.results.every(
        (e: { eventStatus: string; context: { entityType: string } }) => e.eventStatus === 'COMPLETE' && e.context.entityType === 'INVENTORY_CATALOGUE',
      ),
    ).toBe(true);

    // A reservation stays counted when the next LAST_ON_HAND arrives (§2.3); another quantity type
    // arrives as inventoryQuantity and leaves onHand alone.
    const reserve = await sendSync(t, auth, {
      ...CATALOGUE,
      name: 'UpdateInventoryQty',
      attributes: { items: [{ fulfilmentId: 'F-1', skuRef: 'NEW-7', locationRef: 'LOC_SYD_STORE', reservedQty: 5 }] },
    });
    expect(reserve.body.eventStatus).toBe('COMPLETE');
    expect(await onHandOf(t, 'NEW-7:LOC_SYD_STORE')).toBe(202);
    const next = await runInventoryBatch(t, auth, [
      { skuRef: 'NEW-7', locationRef: 'LOC_SYD_STORE', qty: 300, retailerId: 1 },
      { skuRef: 'NEW-7', locationRef: 'LOC_SYD_STORE', qty: 40, type: 'ON_ORDER', status: 'ACTIVE', retailerId: 1 },
    ]);
    expect(next['results']).toEqual([]);
    expect(await onHandOf(t, 'NEW-7:LOC_SYD_STORE')).toBe(295);
    await expect.poll(async () => (await virtualPositions(t, 'BASE:1')).find((vp) => vp.ref === 'NEW-7:LOC_SYD_STORE')?.quantity).toBe(295);
    const quantities = await t.gql<{ inventoryQuantities: { edges: { node: { type: string; quantity: number; status: string } }[] } }>(
      '{ inventoryQuantities(ref: ["NEW-7:LOC_SYD_STORE:ON_ORDER"], catalogue: { ref: "DEFAULT:1" }) { edges { node { type quantity status } } } }',
    );
    expect(quantities.data.inventoryQuantities.edges).toEqual([{ node: { type: 'ON_ORDER', quantity: 40, status: 'ACTIVE' } }]);
  });

  it('fails an InventoryChanged whose inventoryPosition lacks a required field, naming it, and writes nothing', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const res = await sendSync(t, auth, {
      ...CATALOGUE,
      name: 'InventoryChanged',
      attributes: { inventoryPosition: { productRef: 'NEW-1', locationRef: 'LOC_MEL_DC' } },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ eventStatus: 'FAILED', errorMessage: expect.stringContaining('"inventoryPosition.qty"') });
    expect(await onHandOf(t, 'NEW-1:LOC_MEL_DC')).toBeUndefined();
  });
});
