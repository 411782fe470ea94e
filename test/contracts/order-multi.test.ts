import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * ORDER::MULTI (mixed basket, workflow-contracts.md §5.4) end to end: createOrder with an HD and a
 * CC fulfilment choice raises CREATE for the order and each choice; each choice passes its address
 * check (BOOKED) and gets its own fulfilment, sourced for its items only (HD from the warehouse
 * with the stock, CC at the pickup store); the choices complete with their fulfilments, and the
 * order completes when both have.
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

async function createMulti(ref: string, hdAddress: boolean, deliverAfter?: string): Promise<void> {
  const res = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type: 'MULTI',
      retailer: { id: '1' },
      customer: { id: '1' },
      items: [
        { ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 2, fulfilmentChoiceRef: `${ref}-HD` },
        { ref: `${ref}-2`, productRef: 'RUNNER-43', quantity: 1, fulfilmentChoiceRef: `${ref}-CC` },
      ],
      fulfilmentChoices: [
        {
          ref: `${ref}-HD`,
          type: 'HD',
          deliveryType: 'STANDARD',
          ...(deliverAfter ? { deliverAfter } : {}),
          ...(hdAddress
            ? { deliveryAddress: { ref: `${ref}-ADDR`, name: 'Jane', street: '1 Main St', city: 'Melbourne', postcode: '3000', country: 'AU' } }
            : {}),
        },
        { ref: `${ref}-CC`, type: 'CC', deliveryType: 'STANDARD', pickupLocationRef: 'LOC_SYD_STORE' },
      ],
    },
  });
  expect(res.errors).toBeUndefined();
}

type Fulfilment = {
  ref: string;
  type: string;
  status: string;
  fulfilmentChoiceRef: string;
  fromLocation: { ref: string } | null;
  items: { edges: { node: { orderItem: { ref: string }; requestedQuantity: number } }[] };
};
type MultiView = { status: string; fulfilmentChoices: { edges: { node: { ref: string; status: string } }[] }; fulfilments: { edges: { node: Fulfilment }[] } };
const orderOf = async (ref: string) => {
  const res = await t.gql<{ order: MultiView }>(
    `{ order(ref: "${ref}") { status fulfilmentChoices { edges { node { ref status } } } fulfilments { edges { node { ref type status fulfilmentChoiceRef fromLocation { ref } items { edges { node { orderItem { ref } requestedQuantity } } } } } } } }`,
  );
  expect(res.errors).toBeUndefined();
  const order = res.data.order;
  const choices = Object.fromEntries(order.fulfilmentChoices.edges.map((e) => [e.node.ref, e.node.status]));
  const fulfilments = order.fulfilments.edges.map((e) => e.node).sort((a, b) => a.fulfilmentChoiceRef.localeCompare(b.fulfilmentChoiceRef));
  return { status: order.status, choices, fulfilments };
};

const toFulfilment = (order: string, f: Fulfilment, name: string) =>
  request(t.app)
    .post('/api/v4.1/event/sync')
    .set(auth)
    .send({ name, retailerId: '1', entityType: 'FULFILMENT', entitySubtype: f.type, entityRef: f.ref, rootEntityType: 'ORDER', rootEntityRef: order });

describe('ORDER::MULTI with an HD and a CC fulfilment choice', () => {
  it('gets a fulfilment per choice and completes when both choices have', async () => {
    await createMulti('MB-1', true);
    await drain();
    const booked = await orderOf('MB-1');
    expect(booked.status).toBe('BOOKED');
    expect(booked.choices).toEqual({ 'MB-1-HD': 'BOOKED', 'MB-1-CC': 'BOOKED' });
    expect(booked.fulfilments).toMatchObject([
      {
        type: 'CC_PFS',
        status: 'AWAITING_WAVE',
        fulfilmentChoiceRef: 'MB-1-CC',
        fromLocation: { ref: 'LOC_SYD_STORE' },
        items: { edges: [{ node: { orderItem: { ref: 'MB-1-2' }, requestedQuantity: 1 } }] },
      },
      {
        // The choice's Melbourne 3000 address is geocoded ("AU" is Australia): the nearest
        // location with stock is the Melbourne store, so a pick-from-store fulfilment.
        type: 'HD_PFS',
        status: 'AWAITING_WAVE',
        fulfilmentChoiceRef: 'MB-1-HD',
        fromLocation: { ref: 'LOC_MEL_STORE' },
        items: { edges: [{ node: { orderItem: { ref: 'MB-1-1' }, requestedQuantity: 2 } }] },
      },
    ]);
    const [cc, hd] = booked.fulfilments;
    if (!cc || !hd) throw new Error('expected two fulfilments');

    for (const name of ['WaveCreate', 'ConfirmPick', 'ConfirmShip']) expect((await toFulfilment('MB-1', hd, name)).body.eventStatus, name).toBe('COMPLETE');
    await drain();
    expect(await orderOf('MB-1')).toMatchObject({ status: 'BOOKED', choices: { 'MB-1-HD': 'COMPLETE', 'MB-1-CC': 'BOOKED' } });

    expect((await toFulfilment('MB-1', cc, 'WaveCreate')).body.eventStatus).toBe('COMPLETE');
    await drain();
    expect((await orderOf('MB-1')).choices['MB-1-CC']).toBe('PICK_PACK');
    expect((await toFulfilment('MB-1', cc, 'ConfirmPick')).body.eventStatus).toBe('COMPLETE');
    await drain();
    expect((await orderOf('MB-1')).choices['MB-1-CC']).toBe('AWAITING_CUSTOMER_COLLECTION');
    expect((await toFulfilment('MB-1', cc, 'ConfirmCollection')).body.eventStatus).toBe('COMPLETE');
    await drain();
    expect(await orderOf('MB-1')).toMatchObject({ status: 'COMPLETE', choices: { 'MB-1-HD': 'COMPLETE', 'MB-1-CC': 'COMPLETE' } });
  });

  it('escalates a choice that fails its address check, and sources only the other', async () => {
    await createMulti('MB-2', false);
    await drain();
    const order = await orderOf('MB-2');
    expect(order.choices).toEqual({ 'MB-2-HD': 'ESCALATED', 'MB-2-CC': 'BOOKED' });
    expect(order.fulfilments.map((f) => f.fulfilmentChoiceRef)).toEqual(['MB-2-CC']);
  });

  it('raises CREATE for each choice of a MULTI order, not for the choice of an HD order', async () => {
    await createMulti('MB-3', true);
    await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'HD-3',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        items: [{ ref: 'HD-3-1', productRef: 'RUNNER-42', quantity: 1 }],
        fulfilmentChoice: { ref: 'HD-3-FC', deliveryType: 'STANDARD' },
      },
    });
    await drain();
    const events = await request(t.app).get('/api/v4.1/event').query({ name: 'CREATE', 'context.entityType': 'FULFILMENT_CHOICE', count: 50 }).set(auth);
    // The Event API body is untyped JSON; the shape is the documented event record.
    const roots = (events.body.results as { type: string; context: { rootEntityRef: string; entityRef: string } }[])
      .filter((e) => e.type === 'ORCHESTRATION')
      .map((e) => `${e.context.rootEntityRef}/${e.context.entityRef}`)
      .sort();
    expect(roots).toEqual(['MB-3/MB-3-CC', 'MB-3/MB-3-HD']);
  });

  it('sources a choice with a later deliverAfter fc.order.sourcing.reservation.time hours before it, on the virtual clock', async () => {
    const setting = await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
      input: { name: 'fc.order.sourcing.reservation.time', valueType: 'INTEGER', value: '24', context: 'RETAILER', contextId: 1 },
    });
    expect(setting.errors).toBeUndefined();
    // TEST_START is 2026-01-15T09:00Z: delivery from the 18th, so sourcing on the 17th at 09:00.
    await createMulti('MB-4', true, '2026-01-18T09:00:00.000Z');
    await drain();
    const before = await orderOf('MB-4');
    expect(before.choices).toEqual({ 'MB-4-HD': 'BOOKED', 'MB-4-CC': 'BOOKED' });
    expect(before.fulfilments.map((f) => f.fulfilmentChoiceRef)).toEqual(['MB-4-CC']);

    const advance = async (duration: string) => expect((await request(t.app).post('/_sim/clock').set(auth).send({ advance: duration })).status).toBe(200);
    await advance('PT47H59M');
    await drain();
    expect((await orderOf('MB-4')).fulfilments.map((f) => f.fulfilmentChoiceRef)).toEqual(['MB-4-CC']);
    await advance('PT1M');
    await drain();
    expect((await orderOf('MB-4')).fulfilments.map((f) => [f.fulfilmentChoiceRef, f.status])).toEqual([
      ['MB-4-CC', 'AWAITING_WAVE'],
      ['MB-4-HD', 'AWAITING_WAVE'],
    ]);
  });
});

/** A MULTI order: `hdItems` on an HD choice (address without coordinates), RUNNER-43 × 1 collected at LOC_SYD_STORE. */
async function createMixed(ref: string, hdItems: { productRef: string; quantity: number }[], deliverAfter?: string): Promise<void> {
  const res = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type: 'MULTI',
      retailer: { id: '1' },
      customer: { id: '1' },
      items: [
        ...hdItems.map((item, i) => ({ ref: `${ref}-H${i + 1}`, ...item, fulfilmentChoiceRef: `${ref}-HD` })),
        { ref: `${ref}-C1`, productRef: 'RUNNER-43', quantity: 1, fulfilmentChoiceRef: `${ref}-CC` },
      ],
      fulfilmentChoices: [
        {
          ref: `${ref}-HD`,
          type: 'HD',
          deliveryType: 'STANDARD',
          ...(deliverAfter ? { deliverAfter } : {}),
          deliveryAddress: { ref: `${ref}-ADDR`, name: 'Jane', street: '1 Main St', city: 'Melbourne', postcode: '3000', country: 'AU' },
        },
        { ref: `${ref}-CC`, type: 'CC', deliveryType: 'STANDARD', pickupLocationRef: 'LOC_SYD_STORE' },
      ],
    },
  });
  expect(res.errors).toBeUndefined();
  await drain();
}

type MixedFulfilment = {
  status: string;
  fulfilmentChoiceRef: string;
  type: string;
  fromLocation: { ref: string } | null;
  attributes: { name: string; value: unknown }[];
  items: { edges: { node: { requestedQuantity: number; rejectedQuantity: number } }[] };
};
async function mixed(ref: string) {
  const res = await t.gql<{
    order: { status: string; fulfilmentChoices: { edges: { node: { ref: string; status: string } }[] }; fulfilments: { edges: { node: MixedFulfilment }[] } };
  }>(
    `{ order(ref: "${ref}") { status fulfilmentChoices { edges { node { ref status } } }
      fulfilments { edges { node { status fulfilmentChoiceRef type fromLocation { ref } attributes { name value } items { edges { node { requestedQuantity rejectedQuantity } } } } } } } }`,
  );
  expect(res.errors).toBeUndefined();
  const o = res.data.order;
  const fulfilments = o.fulfilments.edges.map((e) => e.node);
  return {
    status: o.status,
    choices: Object.fromEntries(o.fulfilmentChoices.edges.map((e) => [e.node.ref, e.node.status])),
    /** `choice location status type FulfilmentType requested/rejected`, sorted. */
    rows: fulfilments
      .map((f) => {
        const [requested, rejected] = f.items.edges.reduce(([a, b], e) => [a + e.node.requestedQuantity, b + e.node.rejectedQuantity], [0, 0]);
        const attribute = f.attributes.find((a) => a.name === 'FulfilmentType')?.value;
        return `${f.fulfilmentChoiceRef} ${f.fromLocation?.ref} ${f.status} ${f.type} ${String(attribute)} ${requested}/${rejected}`;
      })
      .sort(),
  };
}
const failedEvents = async (ref: string) => {
  const res = await request(t.app).get('/api/v4.1/event').query({ 'context.rootEntityRef': ref, eventStatus: 'FAILED', count: 50 }).set(auth);
  expect(res.status).toBe(200);
  // The Event API body is untyped JSON; the shape is the documented event record.
  return (res.body.results as { name: string }[]).map((e) => e.name);
};

describe('ORDER::MULTI: unfulfillable items, splits, the FulfilmentType attribute and OrderCancel', () => {
  it('rejects an HD choice nobody stocks to SYSTEM_REJECTED (ESCALATED), and escalates the choice', async () => {
    await createMixed('MX-1', [{ productRef: 'TSHIRT', quantity: 2 }]);
    const order = await mixed('MX-1');
    expect(order.rows).toEqual(['MX-1-CC LOC_SYD_STORE AWAITING_WAVE CC_PFS CC_PFCP 1/0', 'MX-1-HD SYSTEM_REJECTED ESCALATED HD_PFDC HD_PFDC 2/2']);
    expect(order.choices).toEqual({ 'MX-1-HD': 'ESCALATED', 'MX-1-CC': 'BOOKED' });
    expect(await failedEvents('MX-1')).toEqual([]);
  });

  it('splits an HD choice over the locations with stock and rejects only the rest', async () => {
    // RUNNER-42: 38 + 29 + 6 = 73 in stock for 100 asked; most units first.
    await createMixed('MX-2', [{ productRef: 'RUNNER-42', quantity: 100 }]);
    const order = await mixed('MX-2');
    expect(order.rows).toEqual([
      'MX-2-CC LOC_SYD_STORE AWAITING_WAVE CC_PFS CC_PFCP 1/0',
      'MX-2-HD LOC_MEL_DC AWAITING_WAVE HD_PFDC HD_PFDC 6/0',
      'MX-2-HD LOC_MEL_STORE AWAITING_WAVE HD_PFS HD_PFS 38/0',
      'MX-2-HD LOC_SYD_STORE AWAITING_WAVE HD_PFS HD_PFS 29/0',
      'MX-2-HD SYSTEM_REJECTED ESCALATED HD_PFDC HD_PFDC 27/27',
    ]);
    // The choice is not escalated while it has sourced fulfilments.
    expect(order.choices['MX-2-HD']).toBe('BOOKED');
  });

  it('cancels the choices with the order, and a choice waiting for deliverAfter is never sourced', async () => {
    const setting = await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
      input: { name: 'fc.order.sourcing.reservation.time', valueType: 'INTEGER', value: '24', context: 'RETAILER', contextId: 1 },
    });
    expect(setting.errors).toBeUndefined();
    await createMixed('MX-3', [{ productRef: 'RUNNER-42', quantity: 1 }], '2026-01-18T09:00:00.000Z');
    expect((await mixed('MX-3')).rows).toEqual(['MX-3-CC LOC_SYD_STORE AWAITING_WAVE CC_PFS CC_PFCP 1/0']);
    const cancel = await request(t.app).post('/api/v4.1/event/sync').set(auth).send({
      name: 'OrderCancel',
      retailerId: '1',
      entityType: 'ORDER',
      entitySubtype: 'MULTI',
      entityRef: 'MX-3',
      rootEntityType: 'ORDER',
      rootEntityRef: 'MX-3',
    });
    expect(cancel.body.eventStatus).toBe('COMPLETE');
    await drain();
    const cancelled = await mixed('MX-3');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.choices).toEqual({ 'MX-3-HD': 'CANCELLED', 'MX-3-CC': 'CANCELLED' });
    expect(cancelled.rows).toEqual(['MX-3-CC LOC_SYD_STORE CANCELLED CC_PFS CC_PFCP 1/0']);
    expect((await request(t.app).post('/_sim/clock').set(auth).send({ advance: 'P5D' })).status).toBe(200);
    await drain();
    expect((await mixed('MX-3')).rows).toEqual(['MX-3-CC LOC_SYD_STORE CANCELLED CC_PFS CC_PFCP 1/0']);
  });
});
