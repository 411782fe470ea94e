import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DC_ADDRESS } from '../support/delivery-address.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * ORDER::MULTI fulfilment choices through the address check of an ORDER::HD order
 * (workflow-contracts.md §5.2, §5.4), end to end through GraphQL `createOrder`, the Event API and
 * GraphQL reads: an HD choice whose delivery address has no coordinates is geocoded offline
 * (CheckOrderCoordinates → CheckOrderDeliveryAddress → ResolveOrderCoordinates →
 * UpdateOrderCoordinates, the choice's address gets them), BOOKED and sourced nearest first; an
 * HD choice without an address is ESCALATED; the order completes once all its choices are
 * COMPLETE, CANCELLED or ESCALATED [inferred].
 *
 * Seed stock (onHand): RUNNER-42 — LOC_MEL_STORE 38, LOC_SYD_STORE 29, LOC_MEL_DC 6; RUNNER-43 at
 * LOC_SYD_STORE; TSHIRT nowhere. Without coordinates an HD choice would go to LOC_MEL_DC first.
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

type Choice = { ref: string; type: 'HD' | 'CC'; items: { productRef: string; quantity: number }[] } & Record<string, unknown>;

/** createOrder of a MULTI order `ref` with `choices`, each with its items, then the engine drained. */
async function createMulti(ref: string, choices: Choice[]): Promise<void> {
  const res = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type: 'MULTI',
      retailer: { id: '1' },
      customer: { id: '1' },
      items: choices.flatMap(({ ref: choiceRef, items }) =>
        items.map((item, i) => ({ ref: `${choiceRef}-${i + 1}`, ...item, fulfilmentChoiceRef: choiceRef })),
      ),
      fulfilmentChoices: choices.map(({ items: _items, ...choice }) => ({ deliveryType: 'STANDARD', ...choice })),
    },
  });
  expect(res.errors).toBeUndefined();
  await drain();
}
const sydney = (ref: string) => ({
  deliveryAddress: { ref: `${ref}-ADDR`, name: 'Kim', street: '1 Main St', city: 'Sydney', postcode: '2000', country: 'Australia' },
});

type Fulfilment = { ref: string; type: string; status: string; fulfilmentChoiceRef: string; fromLocation: { ref: string } | null };
type ChoiceView = { ref: string; status: string; deliveryAddress: { latitude: number | null; longitude: number | null } | null };
async function view(ref: string) {
  const res = await t.gql<{ order: { status: string; fulfilmentChoices: { edges: { node: ChoiceView }[] }; fulfilments: { edges: { node: Fulfilment }[] } } }>(
    `query($ref: String) { order(ref: $ref) { status
      fulfilmentChoices { edges { node { ref status deliveryAddress { latitude longitude } } } }
      fulfilments { edges { node { ref type status fulfilmentChoiceRef fromLocation { ref } } } } } }`,
    { ref },
  );
  expect(res.errors).toBeUndefined();
  const order = res.data.order;
  return {
    status: order.status,
    choices: Object.fromEntries(order.fulfilmentChoices.edges.map((e) => [e.node.ref, e.node])),
    fulfilments: order.fulfilments.edges.map((e) => e.node),
  };
}
/** The ORCHESTRATION events on one fulfilment choice, by name → status, from the Event API. */
async function choiceEvents(ref: string): Promise<Record<string, string>> {
  const res = await request(t.app).get('/api/v4.1/event').query({ 'context.entityRef': ref, eventType: 'ORCHESTRATION', count: 200 }).set(auth);
  expect(res.status).toBe(200);
  // The Event API body is untyped JSON; the shape is the documented event record.
  return Object.fromEntries((res.body.results as { name: string; eventStatus: string }[]).map((e) => [e.name, e.eventStatus]));
}
/** Sends `names` in turn to fulfilment `f` of order `order` over the sync Event API, then drains. */
async function toFulfilment(order: string, f: Fulfilment, ...names: string[]): Promise<void> {
  for (const name of names) {
    const res = await request(t.app)
      .post('/api/v4.1/event/sync')
      .set(auth)
      .send({ name, retailerId: '1', entityType: 'FULFILMENT', entitySubtype: f.type, entityRef: f.ref, rootEntityType: 'ORDER', rootEntityRef: order });
    expect(res.body.eventStatus, name).toBe('COMPLETE');
  }
  await drain();
}
const fulfilmentOf = (fulfilments: Fulfilment[], choiceRef: string): Fulfilment => {
  const found = fulfilments.find((f) => f.fulfilmentChoiceRef === choiceRef);
  if (!found) throw new Error(`no fulfilment for choice ${choiceRef}`);
  return found;
};

describe('ORDER::MULTI HD choices through the ORDER::HD address check', () => {
  it('geocodes and sources the choice with an address, escalates the one without, and completes the order with the CC choice', async () => {
    await createMulti('MA-1', [
      { ref: 'MA-1-HD', type: 'HD', ...sydney('MA-1'), items: [{ productRef: 'RUNNER-42', quantity: 2 }] },
      { ref: 'MA-1-NA', type: 'HD', items: [{ productRef: 'RUNNER-42', quantity: 1 }] },
      { ref: 'MA-1-CC', type: 'CC', pickupLocationRef: 'LOC_SYD_STORE', items: [{ productRef: 'RUNNER-43', quantity: 1 }] },
    ]);
    const booked = await view('MA-1');
    expect(booked.status).toBe('BOOKED');
    // The seeded Sydney store's coordinates (the only location in postcode 2000), on the choice's address.
    expect(booked.choices['MA-1-HD']).toEqual({ ref: 'MA-1-HD', status: 'BOOKED', deliveryAddress: { latitude: -33.8688, longitude: 151.2093 } });
    expect(booked.choices['MA-1-NA']).toEqual({ ref: 'MA-1-NA', status: 'ESCALATED', deliveryAddress: null });
    expect(booked.choices['MA-1-CC']?.status).toBe('BOOKED');
    // Sourced by distance: the Sydney store, not the warehouse an HD choice without coordinates gets first.
    expect(booked.fulfilments.map((f) => [f.fulfilmentChoiceRef, f.fromLocation?.ref, f.type, f.status]).sort()).toEqual([
      ['MA-1-CC', 'LOC_SYD_STORE', 'CC_PFS', 'AWAITING_WAVE'],
      ['MA-1-HD', 'LOC_SYD_STORE', 'HD_PFS', 'AWAITING_WAVE'],
    ]);
    expect(await choiceEvents('MA-1-HD')).toMatchObject({
      CheckOrderCoordinates: 'COMPLETE',
      CheckOrderDeliveryAddress: 'COMPLETE',
      ResolveOrderCoordinates: 'COMPLETE',
      UpdateOrderCoordinates: 'COMPLETE',
      BookFulfilmentChoice: 'COMPLETE',
    });
    const escalated = await choiceEvents('MA-1-NA');
    expect(escalated).toMatchObject({ CheckOrderDeliveryAddress: 'COMPLETE', EscalateFulfilmentChoice: 'COMPLETE' });
    expect(escalated).not.toHaveProperty('ResolveOrderCoordinates');
    expect(escalated).not.toHaveProperty('BookFulfilmentChoice');

    await toFulfilment('MA-1', fulfilmentOf(booked.fulfilments, 'MA-1-HD'), 'WaveCreate', 'ConfirmPick', 'ConfirmShip');
    expect(await view('MA-1')).toMatchObject({ status: 'BOOKED', choices: { 'MA-1-HD': { status: 'COMPLETE' }, 'MA-1-CC': { status: 'BOOKED' } } });
    await toFulfilment('MA-1', fulfilmentOf(booked.fulfilments, 'MA-1-CC'), 'WaveCreate', 'ConfirmPick', 'ConfirmCollection');
    const done = await view('MA-1');
    expect(done.status).toBe('COMPLETE');
    expect(Object.fromEntries(Object.values(done.choices).map((c) => [c.ref, c.status]))).toEqual({
      'MA-1-HD': 'COMPLETE',
      'MA-1-NA': 'ESCALATED',
      'MA-1-CC': 'COMPLETE',
    });
  });

  it('books a choice whose address has coordinates without resolving them', async () => {
    await createMulti('MA-2', [
      { ref: 'MA-2-HD', type: 'HD', deliveryAddress: { ref: 'MA-2-ADDR', ...DC_ADDRESS }, items: [{ productRef: 'RUNNER-42', quantity: 1 }] },
    ]);
    const order = await view('MA-2');
    expect(order.choices['MA-2-HD']).toMatchObject({ status: 'BOOKED', deliveryAddress: { latitude: DC_ADDRESS.latitude, longitude: DC_ADDRESS.longitude } });
    expect(order.fulfilments.map((f) => f.fromLocation?.ref)).toEqual(['LOC_MEL_DC']);
    const events = await choiceEvents('MA-2-HD');
    expect(events).toMatchObject({ CheckOrderCoordinates: 'COMPLETE', BookFulfilmentChoice: 'COMPLETE' });
    expect(events).not.toHaveProperty('CheckOrderDeliveryAddress');
  });
});

describe('ORDER::MULTI completion with ESCALATED choices [inferred]', () => {
  it('completes the order when the last choice to finish is escalated (its deferred sourcing finds no stock)', async () => {
    const setting = await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
      input: { name: 'fc.order.sourcing.reservation.time', valueType: 'INTEGER', value: '24', context: 'RETAILER', contextId: 1 },
    });
    expect(setting.errors).toBeUndefined();
    // TEST_START is 2026-01-15T09:00Z: the HD choice is sourced on the 17th at 09:00.
    await createMulti('MA-4', [
      { ref: 'MA-4-HD', type: 'HD', deliverAfter: '2026-01-18T09:00:00.000Z', ...sydney('MA-4'), items: [{ productRef: 'TSHIRT', quantity: 1 }] },
      { ref: 'MA-4-CC', type: 'CC', pickupLocationRef: 'LOC_SYD_STORE', items: [{ productRef: 'RUNNER-43', quantity: 1 }] },
    ]);
    const booked = await view('MA-4');
    await toFulfilment('MA-4', fulfilmentOf(booked.fulfilments, 'MA-4-CC'), 'WaveCreate', 'ConfirmPick', 'ConfirmCollection');
    expect(await view('MA-4')).toMatchObject({ status: 'BOOKED', choices: { 'MA-4-HD': { status: 'BOOKED' }, 'MA-4-CC': { status: 'COMPLETE' } } });

    expect((await request(t.app).post('/_sim/clock').set(auth).send({ advance: 'P2D' })).status).toBe(200);
    await drain();
    const done = await view('MA-4');
    expect(done.choices['MA-4-HD']?.status).toBe('ESCALATED');
    expect(done.fulfilments.map((f) => [f.fulfilmentChoiceRef, f.fromLocation?.ref, f.status]).sort()).toEqual([
      ['MA-4-CC', 'LOC_SYD_STORE', 'COLLECTED'],
      ['MA-4-HD', 'SYSTEM_REJECTED', 'ESCALATED'],
    ]);
    expect(done.status).toBe('COMPLETE');
  });

  it('completes an order whose only choice failed its address check', async () => {
    await createMulti('MA-5', [{ ref: 'MA-5-HD', type: 'HD', items: [{ productRef: 'RUNNER-42', quantity: 1 }] }]);
    const order = await view('MA-5');
    expect(order.choices['MA-5-HD']?.status).toBe('ESCALATED');
    expect(order.fulfilments).toEqual([]);
    expect(order.status).toBe('COMPLETE');
    const res = await request(t.app)
      .get('/api/v4.1/event')
      .query({ 'context.entityRef': 'MA-5', 'context.entityType': 'ORDER', eventType: 'ORCHESTRATION' })
      .set(auth);
    // The Event API body is untyped JSON; the shape is the documented event record.
    const names = (res.body.results as { name: string; eventStatus: string }[]).map((e) => `${e.name} ${e.eventStatus}`);
    expect(names).toEqual(expect.arrayContaining(['CREATE COMPLETE', 'OrderComplete COMPLETE']));
  });
});
