import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * ORDER::HD coordinates and the fulfilment type attribute end to end (workflow-contracts.md §5.2,
 * §5.3, §6.1), through GraphQL `createOrder`, the Event API and GraphQL reads: an order whose
 * delivery address has no latitude / longitude goes CheckOrderCoordinates → CheckOrderDeliveryAddress
 * → ResolveOrderCoordinates → UpdateOrderCoordinates → ProcessOrder, the address gets coordinates
 * (offline geocoder: the seeded locations' postcodes), and it is sourced by distance; each
 * fulfilment gets the FULFILMENTTYPE attribute (CC_PFCP when collected where it is picked).
 *
 * Seed stock (onHand): RUNNER-42 — LOC_MEL_STORE 38, LOC_SYD_STORE 29, LOC_MEL_DC 6. Without
 * coordinates the order would go to the warehouse first (LOC_MEL_DC).
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

async function createOrder(ref: string, choice: Record<string, unknown>, type = 'HD'): Promise<void> {
  const res = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type,
      retailer: { id: '1' },
      customer: { id: '1' },
      fulfilmentChoice: { ref: `${ref}-FC`, deliveryType: 'STANDARD', ...choice },
      items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 2 }],
    },
  });
  expect(res.errors).toBeUndefined();
  await drain();
}
const address = (ref: string, city: string, postcode: string) => ({
  deliveryAddress: { ref: `${ref}-ADDR`, name: 'Kim', street: '1 Main St', city, postcode, country: 'Australia' },
});

type View = {
  status: string;
  fulfilmentChoice: { deliveryAddress: { latitude: number | null; longitude: number | null } | null };
  fulfilments: {
    edges: { node: { type: string; status: string; fromLocation: { ref: string } | null; attributes: { name: string; type: string; value: unknown }[] } }[];
  };
};
async function view(ref: string): Promise<View> {
  const res = await t.gql<{ order: View }>(
    `query($ref: String) { order(ref: $ref) { status fulfilmentChoice { deliveryAddress { latitude longitude } }
      fulfilments { edges { node { type status fromLocation { ref } attributes { name type value } } } } } }`,
    { ref },
  );
  expect(res.errors).toBeUndefined();
  return res.data.order;
}
/** The order's ORCHESTRATION events by name → status, from the Event API. */
async function events(ref: string): Promise<Record<string, string>> {
  const res = await request(t.app).get('/api/v4.1/event').query({ 'context.rootEntityRef': ref, eventType: 'ORCHESTRATION', count: 200 }).set(auth);
  expect(res.status).toBe(200);
  // The Event API body is untyped JSON; the shape is the documented event record.
  return Object.fromEntries((res.body.results as { name: string; eventStatus: string }[]).map((e) => [e.name, e.eventStatus]));
}

describe('ORDER::HD without delivery coordinates', () => {
  it('resolves them from the address, writes them on it, and sources the nearest location', async () => {
    await createOrder('CO-1', address('CO-1', 'Sydney', '2000'));
    const order = await view('CO-1');
    expect(order.status).toBe('BOOKED');
    // The seeded Sydney store's coordinates (the only location in postcode 2000).
    expect(order.fulfilmentChoice.deliveryAddress).toEqual({ latitude: -33.8688, longitude: 151.2093 });
    expect(order.fulfilments.edges.map((e) => [e.node.fromLocation?.ref, e.node.status])).toEqual([['LOC_SYD_STORE', 'AWAITING_WAVE']]);
    expect(await events('CO-1')).toMatchObject({
      CheckOrderCoordinates: 'COMPLETE',
      CheckOrderDeliveryAddress: 'COMPLETE',
      ResolveOrderCoordinates: 'COMPLETE',
      UpdateOrderCoordinates: 'COMPLETE',
      ProcessOrder: 'COMPLETE',
    });
  });

  it('places a town no location is in from the built-in city table', async () => {
    await createOrder('CO-2', address('CO-2', 'Geelong', '3220'));
    const order = await view('CO-2');
    expect(order.fulfilmentChoice.deliveryAddress).toEqual({ latitude: -38.1499, longitude: 144.3617 });
    // Nearest to Geelong with the stock: the Melbourne store (the warehouse is further east).
    expect(order.fulfilments.edges.map((e) => e.node.fromLocation?.ref)).toEqual(['LOC_MEL_STORE']);
  });

  it('books an address it cannot place without coordinates, sourced warehouses first [inferred]', async () => {
    await createOrder('CO-3', address('CO-3', 'Atlantis', '0000'));
    const order = await view('CO-3');
    expect(order.status).toBe('BOOKED');
    expect(order.fulfilmentChoice.deliveryAddress).toEqual({ latitude: null, longitude: null });
    expect(order.fulfilments.edges.map((e) => e.node.fromLocation?.ref)).toEqual(['LOC_MEL_DC']);
    const names = await events('CO-3');
    expect(names).toMatchObject({ ResolveOrderCoordinates: 'COMPLETE', ProcessOrder: 'COMPLETE' });
    expect(names).not.toHaveProperty('UpdateOrderCoordinates');
  });

  it('escalates an order with no delivery address (ProcessError, §5.2): not sourced, no stock reserved', async () => {
    await createOrder('CO-5', {});
    const order = await view('CO-5');
    expect(order.status).toBe('ESCALATED');
    expect(order.fulfilments.edges).toEqual([]);
    expect(await events('CO-5')).toMatchObject({ CheckOrderCoordinates: 'COMPLETE', CheckOrderDeliveryAddress: 'COMPLETE', ProcessError: 'COMPLETE' });
    expect(await events('CO-5')).not.toHaveProperty('ProcessOrder');
  });

  it('skips resolving when the address has coordinates', async () => {
    await createOrder('CO-4', { deliveryAddress: { ...address('CO-4', 'Sydney', '2000').deliveryAddress, latitude: -37.81, longitude: 144.96 } });
    expect((await view('CO-4')).fulfilments.edges.map((e) => e.node.fromLocation?.ref)).toEqual(['LOC_MEL_STORE']);
    expect(await events('CO-4')).not.toHaveProperty('ResolveOrderCoordinates');
  });
});

describe('FULFILMENTTYPE on fulfilment creation (AddFulfilmentTypeAttributeToFulfilment)', () => {
  const typeAttribute = (order: View) => order.fulfilments.edges.map((e) => [e.node.type, e.node.attributes.find((a) => a.name === 'FULFILMENTTYPE')]);

  it('is the fulfilment type of an HD fulfilment', async () => {
    await createOrder('FT-1', address('FT-1', 'Sydney', '2000'));
    expect(typeAttribute(await view('FT-1'))).toEqual([['HD_PFDC', { name: 'FULFILMENTTYPE', type: 'STRING', value: 'HD_PFDC' }]]);
  });

  it('is CC_PFCP for click & collect picked at the pickup store itself', async () => {
    await createOrder('FT-2', { pickupLocationRef: 'LOC_SYD_STORE' }, 'CC');
    const order = await view('FT-2');
    expect(order.fulfilments.edges.map((e) => e.node.fromLocation?.ref)).toEqual(['LOC_SYD_STORE']);
    expect(typeAttribute(order)).toEqual([['CC_PFS', { name: 'FULFILMENTTYPE', type: 'STRING', value: 'CC_PFCP' }]]);
  });
});
