import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

/**
 * UpdateInventoryQty sent to the inventory catalogue as an inventory script sends it
 * (workflow-contracts.md §2.2 and real-world-usage.md "Events in the wild"): reserve with the doc
 * example's `reserveQty: "-5"`, confirm with saleQty / correctionQty (§2.3: reserved 5, picked 1 →
 * SALE −1, CORRECTION −4, onHand unchanged by the confirmation), and a missing required item field
 * fails the event naming it.
 */
describe('UpdateInventoryQty on INVENTORY_CATALOGUE::DEFAULT', () => {
  it("reserves, then confirms a fulfilment's items, keeping onHand = LAST_ON_HAND + active quantities", async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const send = (items: unknown[]) =>
      request(t.app).post('/api/v4.1/event/sync').set(auth).send({
        name: 'UpdateInventoryQty',
        retailerId: '1',
        entityType: 'INVENTORY_CATALOGUE',
        entitySubtype: 'DEFAULT',
        entityRef: 'DEFAULT:1',
        rootEntityType: 'INVENTORY_CATALOGUE',
        rootEntityRef: 'DEFAULT:1',
        attributes: { items },
      });
    const read = async () =>
      (
        await t.gql<{ inventoryPosition: { onHand: number; quantities: { edges: { node: { type: string; quantity: number; status: string } }[] } } }>(
          '{ inventoryPosition(ref: "RUNNER-42:LOC_MEL_STORE", catalogue: { ref: "DEFAULT:1" }) { onHand quantities { edges { node { type quantity status } } } } }',
        )
      ).data.inventoryPosition;
    const active = (p: Awaited<ReturnType<typeof read>>) =>
      p.quantities.edges
        .map((e) => e.node)
        .filter((q) => q.status === 'ACTIVE')
        .map((q) => `${q.type} ${q.quantity}`)
        .sort();

    expect((await read()).onHand).toBe(38);
    const item = { fulfilmentId: 'F-77', skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_STORE' };
    expect((await send([{ ...item, reserveQty: '-5' }])).body.eventStatus).toBe('COMPLETE');
    const reserved = await read();
    expect(reserved.onHand).toBe(33);
    expect(active(reserved)).toEqual(['LAST_ON_HAND 38', 'RESERVED -5']);

    expect((await send([{ ...item, saleQty: 1, correctionQty: 4 }])).body.eventStatus).toBe('COMPLETE');
    const confirmed = await read();
    expect(confirmed.onHand).toBe(33);
    expect(active(confirmed)).toEqual(['CORRECTION -4', 'LAST_ON_HAND 38', 'SALE -1']);

    const bad = await send([{ skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_STORE', reservedQty: 1 }]);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ eventStatus: 'FAILED', errorMessage: expect.stringContaining('"items[0].fulfilmentId"') });
    expect((await read()).onHand).toBe(33);
  });

  it('keeps active reservations when a batch brings a new LAST_ON_HAND, and retires past SALE and CORRECTION', async () => {
    const t = await createTestApp();
    const engine = t.sim.accounts.get('LOCAL')!.orchestration!.engine;
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const update = (items: unknown[]) =>
      request(t.app).post('/api/v4.1/event/sync').set(auth).send({
        name: 'UpdateInventoryQty',
        retailerId: '1',
        entityType: 'INVENTORY_CATALOGUE',
        entitySubtype: 'DEFAULT',
        entityRef: 'DEFAULT:1',
        rootEntityType: 'INVENTORY_CATALOGUE',
        rootEntityRef: 'DEFAULT:1',
        attributes: { items },
      });
    const at = { skuRef: 'RUNNER-42', locationRef: 'LOC_MEL_STORE' };
    await update([{ ...at, fulfilmentId: 'F-1', reservedQty: 3 }]);
    await update([{ ...at, fulfilmentId: 'F-2', reservedQty: 2 }]);
    await update([{ ...at, fulfilmentId: 'F-2', saleQty: 2, correctionQty: 0 }]);
    const onHand = async () =>
      (
        await t.gql<{ inventoryPosition: { onHand: number } }>(
          '{ inventoryPosition(ref: "RUNNER-42:LOC_MEL_STORE", catalogue: { ref: "DEFAULT:1" }) { onHand } }',
        )
      ).data.inventoryPosition.onHand;
    expect(await onHand()).toBe(38 - 3 - 2);

    const jobId = (await request(t.app).post('/api/v4.1/job').set(auth).send({ name: 'stock', retailerId: '1' })).body.id as string;
    const batch = await request(t.app)
      .post(`/api/v4.1/job/${jobId}/batch`)
      .set(auth)
      .send({ action: 'UPSERT', entityType: 'INVENTORY', catalogueRef: 'DEFAULT:1', entities: [{ ...at, qty: 50, retailerId: 1 }] });
    expect(batch.status).toBe(200);
    await expect.poll(async () => (await request(t.app).get(`/api/v4.1/job/${jobId}/batch/${batch.body.id}`).set(auth)).body.status).toBe('COMPLETE');
    await engine.drain();
    // The stock count already reflects F-2's sale; F-1's reservation still holds 3.
    expect(await onHand()).toBe(50 - 3);
  });
});
