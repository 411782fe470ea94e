import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_START, type TestApp } from '../support/test-app.js';

/**
 * ORDER::HD / ORDER::CC booking and sourcing end to end (workflow-contracts.md §5.2, §5.3, §6.1),
 * through GraphQL `createOrder`, the Event API and the virtual clock: the order is sourced from
 * the nearest location with every item, split when none has all, and what no location stocks goes
 * to a system-rejected fulfilment; a fulfilment that expires (PICK_N_PACK_TIME_LIMIT) or is rejected
 * releases its reservation and the order is sourced again elsewhere; OrderCancel releases all.
 *
 * Seed stock (onHand): RUNNER-42 — LOC_MEL_STORE 38, LOC_SYD_STORE 29, LOC_MEL_DC 6;
 * RUNNER-43 — LOC_MEL_STORE 5, LOC_SYD_STORE 38, LOC_MEL_DC 29; TSHIRT (a standard product) has none.
 */
const MELBOURNE = { latitude: -37.81, longitude: 144.96 };
const SYDNEY = { latitude: -33.87, longitude: 151.2 };

type Item = { productRef: string; quantity: number };
type FulfilmentNode = {
  id: string;
  ref: string;
  type: string;
  status: string;
  expiryTime: string | null;
  fromLocation: { ref: string } | null;
  items: { edges: { node: { ref: string; requestedQuantity: number; rejectedQuantity: number } }[] };
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(async () => {
  await t.reset();
});

const engine = () => t.sim.accounts.get('LOCAL')!.orchestration!.engine;
const auth = async () => ({ Authorization: `Bearer ${await t.token()}` });

async function createOrder(ref: string, items: Item[], where: { latitude: number; longitude: number } | { pickupLocationRef: string }, type = 'HD') {
  const choice =
    'pickupLocationRef' in where
      ? { ref: `${ref}-FC`, deliveryType: 'STANDARD', pickupLocationRef: where.pickupLocationRef }
      : {
          ref: `${ref}-FC`,
          deliveryType: 'STANDARD',
          deliveryAddress: { ref: `${ref}-ADDR`, name: 'Kim', street: '1 Main St', city: 'Somewhere', postcode: '3000', country: 'AU', ...where },
        };
  const res = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type,
      retailer: { id: '1' },
      customer: { id: '1' },
      fulfilmentChoice: choice,
      items: items.map((item, i) => ({ ref: `${ref}-${i + 1}`, ...item })),
    },
  });
  expect(res.errors).toBeUndefined();
  await engine().drain();
}

async function order(ref: string) {
  const res = await t.gql<{ order: { status: string; fulfilments: { edges: { node: FulfilmentNode }[] } } }>(
    `query($ref: String) { order(ref: $ref) { status fulfilments { edges { node {
      id ref type status expiryTime fromLocation { ref } items { edges { node { ref requestedQuantity rejectedQuantity } } } } } } } }`,
    { ref },
  );
  const fulfilments = res.data.order.fulfilments.edges.map((e) => e.node).sort((a, b) => a.ref.localeCompare(b.ref));
  return { status: res.data.order.status, fulfilments };
}

/** `{ref, status, from, items: {itemRef: requested}}` per fulfilment, in ref order. */
const summary = (fulfilments: FulfilmentNode[]) =>
  fulfilments.map((f) => ({
    ref: f.ref,
    status: f.status,
    from: f.fromLocation?.ref,
    items: Object.fromEntries(f.items.edges.map((e) => [e.node.ref, e.node.requestedQuantity])),
  }));

async function onHand(productRef: string, locationRef: string): Promise<number> {
  const res = await t.gql<{ inventoryPosition: { onHand: number } }>(
    'query($ref: String!) { inventoryPosition(ref: $ref, catalogue: { ref: "DEFAULT:1" }) { onHand } }',
    { ref: `${productRef}:${locationRef}` },
  );
  return res.data.inventoryPosition.onHand;
}

async function sendEvent(body: Record<string, unknown>) {
  const res = await request(t.app)
    .post('/api/v4.1/event/sync')
    .set(await auth())
    .send({ retailerId: '1', ...body });
  expect(res.status).toBe(200);
  await engine().drain();
  return res.body as { eventStatus: string };
}

describe('ORDER::HD sourcing', () => {
  it('sources the nearest location that has every item', async () => {
    await createOrder('SRC-NEAR', [{ productRef: 'RUNNER-42', quantity: 2 }], SYDNEY);
    const o = await order('SRC-NEAR');
    expect(o.status).toBe('BOOKED');
    expect(summary(o.fulfilments)).toEqual([{ ref: 'SRC-NEAR-F1', status: 'AWAITING_WAVE', from: 'LOC_SYD_STORE', items: { 'SRC-NEAR-1': 2 } }]);
    expect(await onHand('RUNNER-42', 'LOC_SYD_STORE')).toBe(27);
  });

  it('splits an order no location can fill alone over two locations, reserving at each', async () => {
    await createOrder('SRC-SPLIT', [{ productRef: 'RUNNER-42', quantity: 40 }], MELBOURNE);
    const o = await order('SRC-SPLIT');
    // No location has 40: the one giving the most (LOC_MEL_STORE, 38), then the nearest with the other 2.
    expect(summary(o.fulfilments)).toEqual([
      { ref: 'SRC-SPLIT-F1', status: 'AWAITING_WAVE', from: 'LOC_MEL_STORE', items: { 'SRC-SPLIT-1': 38 } },
      { ref: 'SRC-SPLIT-F2', status: 'AWAITING_WAVE', from: 'LOC_MEL_DC', items: { 'SRC-SPLIT-1': 2 } },
    ]);
    expect([await onHand('RUNNER-42', 'LOC_MEL_STORE'), await onHand('RUNNER-42', 'LOC_MEL_DC'), await onHand('RUNNER-42', 'LOC_SYD_STORE')]).toEqual([
      0, 4, 29,
    ]);

    // OrderCancel releases every reservation (§5.1).
    expect(
      (
        await sendEvent({
          name: 'OrderCancel',
          entityType: 'ORDER',
          entitySubtype: 'HD',
          entityRef: 'SRC-SPLIT',
          rootEntityType: 'ORDER',
          rootEntityRef: 'SRC-SPLIT',
        })
      ).eventStatus,
    ).toBe('COMPLETE');
    const cancelled = await order('SRC-SPLIT');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.fulfilments.map((f) => f.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect([await onHand('RUNNER-42', 'LOC_MEL_STORE'), await onHand('RUNNER-42', 'LOC_MEL_DC')]).toEqual([38, 6]);
  });

  it('gives items no location stocks a system-rejected fulfilment, escalated, and books the rest', async () => {
    await createOrder(
      'SRC-NONE',
      [
        { productRef: 'RUNNER-43', quantity: 1 },
        { productRef: 'TSHIRT', quantity: 2 },
      ],
      SYDNEY,
    );
    const o = await order('SRC-NONE');
    expect(o.status).toBe('BOOKED');
    expect(summary(o.fulfilments)).toEqual([
      { ref: 'SRC-NONE-F1', status: 'AWAITING_WAVE', from: 'LOC_SYD_STORE', items: { 'SRC-NONE-1': 1 } },
      { ref: 'SRC-NONE-F2', status: 'ESCALATED', from: 'SYSTEM_REJECTED', items: { 'SRC-NONE-2': 2 } },
    ]);
    expect(o.fulfilments[1]!.items.edges[0]!.node.rejectedQuantity).toBe(2);
    // The system-rejected fulfilment reserves nothing.
    expect(await onHand('RUNNER-43', 'LOC_SYD_STORE')).toBe(37);
  });

  it('expires a fulfilment not waved within the location PICK_N_PACK_TIME_LIMIT and moves its reservation to the next location', async () => {
    const location = await t.gql<{ location: { id: string } }>('{ location(ref: "LOC_MEL_STORE") { id } }');
    const setting = await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
      input: { name: 'PICK_N_PACK_TIME_LIMIT', valueType: 'INTEGER', value: '60', context: 'LOCATION', contextId: Number(location.data.location.id) },
    });
    expect(setting.errors).toBeUndefined();
    await createOrder('SRC-EXP', [{ productRef: 'RUNNER-42', quantity: 2 }], MELBOURNE);
    const before = await order('SRC-EXP');
    expect(before.fulfilments).toMatchObject([{ status: 'AWAITING_WAVE', fromLocation: { ref: 'LOC_MEL_STORE' } }]);
    expect(new Date(before.fulfilments[0]!.expiryTime!).getTime()).toBe(TEST_START.getTime() + 60 * 60_000);
    expect(await onHand('RUNNER-42', 'LOC_MEL_STORE')).toBe(36);

    // Not yet: 59 minutes later nothing has happened.
    await request(t.app)
      .post('/_sim/clock')
      .set(await auth())
      .send({ advance: 'PT59M' });
    expect((await order('SRC-EXP')).fulfilments.map((f) => f.status)).toEqual(['AWAITING_WAVE']);

    await request(t.app)
      .post('/_sim/clock')
      .set(await auth())
      .send({ advance: 'PT2M' });
    await engine().drain();
    const after = await order('SRC-EXP');
    expect(after.status).toBe('BOOKED');
    expect(summary(after.fulfilments)).toEqual([
      { ref: 'SRC-EXP-F1', status: 'EXPIRED', from: 'LOC_MEL_STORE', items: { 'SRC-EXP-1': 2 } },
      { ref: 'SRC-EXP-F2', status: 'AWAITING_WAVE', from: 'LOC_MEL_DC', items: { 'SRC-EXP-1': 2 } },
    ]);
    // The DC has no PICK_N_PACK_TIME_LIMIT: no expiry.
    expect(after.fulfilments[1]!.expiryTime).toBeNull();
    expect([await onHand('RUNNER-42', 'LOC_MEL_STORE'), await onHand('RUNNER-42', 'LOC_MEL_DC')]).toEqual([38, 4]);
  });

  it('re-sources a rejected fulfilment at another location, releasing its reservation', async () => {
    await createOrder('SRC-REJ', [{ productRef: 'RUNNER-43', quantity: 3 }], SYDNEY);
    const [first] = (await order('SRC-REJ')).fulfilments;
    expect(first).toMatchObject({ status: 'AWAITING_WAVE', fromLocation: { ref: 'LOC_SYD_STORE' } });
    expect(await onHand('RUNNER-43', 'LOC_SYD_STORE')).toBe(35);

    const rejected = await sendEvent({
      name: 'RejectFulfilment',
      entityType: 'FULFILMENT',
      entitySubtype: 'HD_PFDC',
      entityId: first!.id,
      rootEntityType: 'ORDER',
      rootEntityRef: 'SRC-REJ',
    });
    expect(rejected.eventStatus).toBe('COMPLETE');
    const after = await order('SRC-REJ');
    expect(after.status).toBe('BOOKED');
    // From Sydney the Melbourne DC is nearer than the Melbourne store.
    expect(summary(after.fulfilments)).toEqual([
      { ref: 'SRC-REJ-F1', status: 'REJECTED', from: 'LOC_SYD_STORE', items: { 'SRC-REJ-1': 3 } },
      { ref: 'SRC-REJ-F2', status: 'AWAITING_WAVE', from: 'LOC_MEL_DC', items: { 'SRC-REJ-1': 3 } },
    ]);
    expect([await onHand('RUNNER-43', 'LOC_SYD_STORE'), await onHand('RUNNER-43', 'LOC_MEL_DC')]).toEqual([38, 26]);
  });

  it('does nothing on FindAndCreateOrderFulfilment when every item is covered', async () => {
    await createOrder('SRC-DONE', [{ productRef: 'RUNNER-42', quantity: 1 }], MELBOURNE);
    const again = await sendEvent({
      name: 'FindAndCreateOrderFulfilment',
      entityType: 'ORDER',
      entitySubtype: 'HD',
      entityRef: 'SRC-DONE',
      rootEntityType: 'ORDER',
      rootEntityRef: 'SRC-DONE',
    });
    expect(again.eventStatus).toBe('COMPLETE');
    expect((await order('SRC-DONE')).fulfilments).toHaveLength(1);
  });
});

describe('ORDER::CC sourcing', () => {
  it('sources the pickup store first when it has the stock', async () => {
    await createOrder('CC-SRC', [{ productRef: 'RUNNER-43', quantity: 2 }], { pickupLocationRef: 'LOC_SYD_STORE' }, 'CC');
    const o = await order('CC-SRC');
    expect(o.status).toBe('BOOKED');
    expect(o.fulfilments).toMatchObject([{ type: 'CC_PFS', status: 'AWAITING_WAVE', fromLocation: { ref: 'LOC_SYD_STORE' } }]);
    expect(await onHand('RUNNER-43', 'LOC_SYD_STORE')).toBe(36);
  });
});
