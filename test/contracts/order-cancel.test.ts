import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { hdChoice } from '../support/delivery-address.js';

/**
 * ORDER::HD `OrderCancel` (workflow-contracts.md §5.1) end to end: a new fulfilment reserves its
 * items in the inventory catalogue (§2.2/§2.3: an ACTIVE RESERVED quantity, onHand down); the
 * integration's OrderCancel cancels the order and its fulfilments and releases the reservation
 * (RESERVED inactive, a CANCELLED record, onHand back).
 */
type Quantity = { ref: string; type: string; quantity: number; status: string };
const position = async (t: TestApp, ref: string) =>
  (
    await t.gql<{ inventoryPosition: { onHand: number; quantities: { edges: { node: Quantity }[] } } }>(
      'query($ref: String!) { inventoryPosition(ref: $ref, catalogue: { ref: "DEFAULT:1" }) { onHand quantities { edges { node { ref type quantity status } } } } }',
      { ref },
    )
  ).data.inventoryPosition;
const quantitiesOf = (p: { quantities: { edges: { node: Quantity }[] } }, type: string) => p.quantities.edges.map((e) => e.node).filter((q) => q.type === type);

describe('OrderAddressChange on an HD order', () => {
  it('changes the delivery address the order and its fulfilment ship to', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await t.token()}` };
    await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'AC-1',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        items: [{ ref: 'AC-1-1', productRef: 'RUNNER-42', quantity: 1 }],
        fulfilmentChoice: {
          deliveryType: 'STANDARD',
          deliveryAddress: {
            ref: 'AC-1-ADDR',
            name: 'Kim',
            street: '1 Old St',
            city: 'Melbourne',
            postcode: '3000',
            country: 'AU',
            latitude: -37.8,
            longitude: 144.9,
          },
        },
      },
    });
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const changed = await request(t.app)
      .post('/api/v4.1/event/sync')
      .set(auth)
      .send({
        name: 'OrderAddressChange',
        retailerId: '1',
        entityType: 'ORDER',
        entitySubtype: 'HD',
        entityRef: 'AC-1',
        rootEntityType: 'ORDER',
        rootEntityRef: 'AC-1',
        attributes: { changeReason: 'moved', deliveryAddress: { street: '2 New St', city: 'Sydney', postcode: '2000' } },
      });
    expect(changed.body.eventStatus).toBe('COMPLETE');
    const read = await t.gql<{
      order: { fulfilmentChoice: { deliveryAddress: Record<string, unknown> }; fulfilments: { edges: { node: { toAddress: Record<string, unknown> } }[] } };
    }>(
      '{ order(ref: "AC-1") { fulfilmentChoice { deliveryAddress { name street city postcode latitude } } fulfilments { edges { node { toAddress { street city } } } } } }',
    );
    expect(read.data.order.fulfilmentChoice.deliveryAddress).toEqual({ name: 'Kim', street: '2 New St', city: 'Sydney', postcode: '2000', latitude: null });
    expect(read.data.order.fulfilments.edges[0]!.node.toAddress).toEqual({ street: '2 New St', city: 'Sydney' });
  });
});

describe('OrderCancel on an HD order', () => {
  it('cancels the order and its fulfilment and gives the reserved stock back', async () => {
    const t = await createTestApp();
    const engine = t.sim.accounts.get('LOCAL')!.orchestration!.engine;
    const auth = { Authorization: `Bearer ${await t.token()}` };
    const before = await position(t, 'RUNNER-42:LOC_MEL_DC');
    expect(before.onHand).toBe(6);

    await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'OC-1',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        fulfilmentChoice: hdChoice('OC-1'),
        items: [{ ref: 'OC-1-1', productRef: 'RUNNER-42', quantity: 2 }],
      },
    });
    await engine.drain();
    const order = async () =>
      (
        await t.gql<{ order: { status: string; fulfilments: { edges: { node: { id: string; status: string; fromLocation: { ref: string } | null } }[] } } }>(
          '{ order(ref: "OC-1") { status fulfilments { edges { node { id status fromLocation { ref } } } } } }',
        )
      ).data.order;
    const booked = await order();
    expect(booked).toMatchObject({ status: 'BOOKED', fulfilments: { edges: [{ node: { status: 'AWAITING_WAVE', fromLocation: { ref: 'LOC_MEL_DC' } } }] } });
    const fulfilmentId = booked.fulfilments.edges[0]!.node.id;

    const reserved = await position(t, 'RUNNER-42:LOC_MEL_DC');
    expect(reserved.onHand).toBe(4);
    expect(quantitiesOf(reserved, 'RESERVED')).toEqual([
      { ref: `RUNNER-42:LOC_MEL_DC:RESERVED:${fulfilmentId}`, type: 'RESERVED', quantity: -2, status: 'ACTIVE' },
    ]);

    const cancel = await request(t.app).post('/api/v4.1/event/sync').set(auth).send({
      name: 'OrderCancel',
      retailerId: '1',
      entityType: 'ORDER',
      entitySubtype: 'HD',
      entityRef: 'OC-1',
      rootEntityType: 'ORDER',
      rootEntityRef: 'OC-1',
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.eventStatus).toBe('COMPLETE');
    await engine.drain();

    expect(await order()).toMatchObject({ status: 'CANCELLED', fulfilments: { edges: [{ node: { status: 'CANCELLED' } }] } });
    const released = await position(t, 'RUNNER-42:LOC_MEL_DC');
    expect(released.onHand).toBe(6);
    expect(quantitiesOf(released, 'RESERVED')).toMatchObject([{ quantity: -2, status: 'INACTIVE' }]);
    expect(quantitiesOf(released, 'CANCELLED')).toMatchObject([{ ref: `RUNNER-42:LOC_MEL_DC:CANCELLED:${fulfilmentId}`, quantity: 2, status: 'ACTIVE' }]);

    // Once cancelled, the order takes no second OrderCancel.
    const again = await request(t.app).post('/api/v4.1/event/sync').set(auth).send({
      name: 'OrderCancel',
      retailerId: '1',
      entityType: 'ORDER',
      entitySubtype: 'HD',
      entityRef: 'OC-1',
      rootEntityType: 'ORDER',
      rootEntityRef: 'OC-1',
    });
    expect(again.body.eventStatus).toBe('NO_MATCH');
  });

  it('lets a second order see the reserved stock: the next order sources elsewhere', async () => {
    const t = await createTestApp();
    const engine = t.sim.accounts.get('LOCAL')!.orchestration!.engine;
    const create = (ref: string, quantity: number) =>
      t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
        input: {
          ref,
          type: 'HD',
          retailer: { id: '1' },
          customer: { id: '1' },
          fulfilmentChoice: hdChoice(ref),
          items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity }],
        },
      });
    await create('OC-2', 5);
    await engine.drain();
    await create('OC-3', 5);
    await engine.drain();
    const from = async (ref: string) =>
      (
        await t.gql<{ order: { fulfilments: { edges: { node: { fromLocation: { ref: string } | null } }[] } } }>(
          `{ order(ref: "${ref}") { fulfilments { edges { node { fromLocation { ref } } } } } }`,
        )
      ).data.order.fulfilments.edges[0]?.node.fromLocation?.ref;
    expect(await from('OC-2')).toBe('LOC_MEL_DC');
    // LOC_MEL_DC has 6 − 5 = 1 left, so the second order is sourced from a store.
    expect(await from('OC-3')).not.toBe('LOC_MEL_DC');
    expect((await position(t, 'RUNNER-42:LOC_MEL_DC')).onHand).toBe(1);
  });
});
