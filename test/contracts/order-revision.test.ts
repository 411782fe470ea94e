import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createBillingSettings, createPricedOrder } from './order-appeasement-fixtures.js';

/**
 * ORDER::HD `OrderRevision` (workflow-contracts.md §5.1) end to end: the revised order is created
 * through createOrder (so it gets its own CREATE and fulfilment), the original order is
 * cancelled with its fulfilment (its reservation released), linked to the revision by attribute
 * RevisedOrderLink, and the billing account credits the quantity taken off.
 */
let t: TestApp;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  auth = { Authorization: `Bearer ${await t.token()}` };
});
beforeEach(async () => {
  await t.reset();
});
const drain = () => t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();

const revise = (ref: string, revisedItems: unknown, subtype = 'HD') =>
  request(t.app).post('/api/v4.1/event/sync').set(auth).send({
    name: 'OrderRevision',
    retailerId: '1',
    entityType: 'ORDER',
    entitySubtype: subtype,
    entityRef: ref,
    rootEntityType: 'ORDER',
    rootEntityRef: ref,
    attributes: { revisedItems },
  });

type OrderView = {
  status: string;
  totalPrice: number | null;
  attributes: { name: string; type: string; value: unknown }[];
  items: { edges: { node: { ref: string; quantity: number; product: { ref: string } } }[] };
  fulfilments: { edges: { node: { status: string } }[] };
  fulfilmentChoice: { deliveryAddress: { street: string } | null } | null;
};
const orderOf = async (ref: string) =>
  (
    await t.gql<{ order: OrderView | null }>(
      `{ order(ref: "${ref}") { status totalPrice attributes { name type value } items { edges { node { ref quantity product { ref } } } } fulfilments { edges { node { status } } } fulfilmentChoice { deliveryAddress { street } } } }`,
    )
  ).data.order;

describe('OrderRevision on an HD order', () => {
  it('creates the revised order, cancels and links the original, and credits what was taken off', async () => {
    await createBillingSettings(t);
    await createPricedOrder(t, 'RV-1', 'HD');
    await drain();
    expect((await orderOf('RV-1'))?.status).toBe('BOOKED');

    const sent = await revise('RV-1', [{ productRef: 'RUNNER-42', newQty: 1 }]);
    expect(sent.body.eventStatus).toBe('COMPLETE');
    await drain();

    const original = await orderOf('RV-1');
    expect(original).toMatchObject({ status: 'CANCELLED', fulfilments: { edges: [{ node: { status: 'CANCELLED' } }] } });
    expect(original?.attributes).toContainEqual({ name: 'RevisedOrderLink', type: 'STRING', value: 'RV-1-REV1' });

    const revised = await orderOf('RV-1-REV1');
    expect(revised).toMatchObject({
      status: 'BOOKED',
      totalPrice: 110,
      items: { edges: [{ node: { ref: 'RV-1-1', quantity: 1, product: { ref: 'RUNNER-42' } } }] },
      fulfilments: { edges: [{ node: { status: 'AWAITING_WAVE' } }] },
      fulfilmentChoice: { deliveryAddress: { street: '1 Main St' } },
    });

    const memo = await t.gql<{
      creditMemo: { order: { ref: string }; totalAmount: { amount: number }; items: { edges: { node: { unitQuantity: { quantity: number } } }[] } };
    }>('{ creditMemo(ref: "RV-1-CM1") { order { ref } totalAmount { amount } items { edges { node { unitQuantity { quantity } } } } } }');
    expect(memo.data.creditMemo).toEqual({
      order: { ref: 'RV-1' },
      totalAmount: { amount: 110 },
      items: { edges: [{ node: { unitQuantity: { quantity: 1 } } }] },
    });

    // The cancelled original takes no second revision; the revision itself can be revised.
    expect((await revise('RV-1', [{ productRef: 'RUNNER-42', newQty: 2 }])).body.eventStatus).toBe('NO_MATCH');
  });

  it('adds a new product without a credit memo (nothing was taken off)', async () => {
    await createBillingSettings(t);
    await createPricedOrder(t, 'RV-2', 'HD');
    await drain();
    expect((await revise('RV-2', [{ productRef: 'RUNNER-43', newQty: 1, price: 50 }])).body.eventStatus).toBe('COMPLETE');
    await drain();
    const revised = await orderOf('RV-2-REV1');
    expect(revised?.items.edges.map((e) => [e.node.product.ref, e.node.quantity]).sort()).toEqual([
      ['RUNNER-42', 2],
      ['RUNNER-43', 1],
    ]);
    expect(revised?.totalPrice).toBe(270);
    expect((await t.gql<{ creditMemo: unknown }>('{ creditMemo(ref: "RV-2-CM1") { ref } }')).data.creditMemo).toBeNull();
  });

  it.each([
    { title: 'no change', items: [{ productRef: 'RUNNER-42', newQty: 2 }], message: 'changes no product and no quantity' },
    { title: 'no revisedItems', items: [], message: 'needs the attribute "revisedItems"' },
    { title: 'a bad quantity', items: [{ productRef: 'RUNNER-42', newQty: -1 }], message: 'revisedItems[0].newQty' },
  ])('fails on $title and changes nothing', async ({ items, message }) => {
    await createPricedOrder(t, 'RV-3', 'HD');
    await drain();
    const sent = await revise('RV-3', items);
    expect(sent.body.eventStatus).toBe('FAILED');
    expect(sent.body.errorMessage).toContain(message);
    await drain();
    expect((await orderOf('RV-3'))?.status).toBe('BOOKED');
    expect(await orderOf('RV-3-REV1')).toBeNull();
  });

  it('revises a CC order: the revised order keeps the pickup location and gets its store fulfilment', async () => {
    await createBillingSettings(t);
    await createPricedOrder(t, 'RV-CC', 'CC');
    await drain();
    expect((await revise('RV-CC', [{ productRef: 'RUNNER-42', newQty: 1 }], 'CC')).body.eventStatus).toBe('COMPLETE');
    await drain();
    expect((await orderOf('RV-CC'))?.status).toBe('CANCELLED');
    const revised = await t.gql<{
      order: { status: string; fulfilmentChoice: { pickupLocationRef: string }; fulfilments: { edges: { node: { type: string } }[] } };
    }>('{ order(ref: "RV-CC-REV1") { status fulfilmentChoice { pickupLocationRef } fulfilments { edges { node { type } } } } }');
    expect(revised.data.order).toMatchObject({
      fulfilmentChoice: { pickupLocationRef: 'LOC_MEL_STORE' },
      fulfilments: { edges: [{ node: { type: 'CC_PFS' } }] },
    });
  });
});
