import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createRetailer, userToken } from './support.js';

/**
 * Acceptance of issue 14 item 3: an order created over the legacy `/api/v4.1/order` is the same
 * order GraphQL sees, raises the same CREATE events, and moves through ORDER::HD.
 */
const legacyOrder = (orderRef: string, overrides: Record<string, unknown> = {}) => ({
  orderRef,
  type: 'HD',
  retailerId: '1',
  customer: { customerRef: 'jane.citizen@example.com' },
  items: [{ skuRef: 'RUNNER-42', requestedQty: 2, skuPrice: 50, totalPrice: 100, currency: 'AUD' }],
  fulfilmentChoice: { deliveryType: 'STANDARD', deliveryAddress: { ref: `${orderRef}-A`, street: '1 Road', city: 'Sydney', postcode: '2000', country: 'AU' } },
  totalPrice: 100,
  ...overrides,
});

describe('legacy REST /api/v4.1/order', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  const orderCount = () => t.sim.accounts.get('LOCAL')!.store.count('Order');
  const trail = async (rootRef: string) => {
    const res = await request(t.app).get('/api/v4.1/event').query({ 'context.rootEntityRef': rootRef, count: 100 }).set(auth);
    return (res.body.results as { name: string; type: string; context: { entityType: string } }[])
      .map((e) => `${e.type}:${e.context.entityType}:${e.name}`)
      .sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    auth = { Authorization: `Bearer ${await t.token()}` };
  });

  it('creates an order that GraphQL and REST read back, BOOKED by its workflow, then moved by events', async () => {
    const created = await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder('LR-1'));
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const id = created.body.id as string;

    const rest = await request(t.app).get(`/api/v4.1/order/${id}`).set(auth);
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({
      orderId: id,
      orderRef: 'LR-1',
      type: 'HD',
      status: 'BOOKED',
      retailerId: '1',
      totalPrice: 100,
      workflowRef: 'ORDER::HD',
      customer: { customerId: '1', customerRef: 'jane.citizen@example.com', firstName: 'Jane', lastName: 'Citizen', email: 'jane.citizen@example.com' },
      items: [{ ref: 'LR-1-1', skuRef: 'RUNNER-42', requestedQty: 2, skuPrice: 50, totalPrice: 100, currency: 'AUD' }],
      fulfilmentChoice: { deliveryType: 'STANDARD', deliveryAddress: { city: 'Sydney', postcode: '2000' } },
    });

    const gql = await t.gql<{
      orderById: {
        ref: string;
        status: string;
        customer: { id: string };
        items: { edges: { node: { ref: string; quantity: number } }[] };
        fulfilments: { edges: { node: { id: string; ref: string; status: string } }[] };
      };
    }>(
      'query($id: ID!) { orderById(id: $id) { ref status customer { id } items { edges { node { ref quantity } } } fulfilments { edges { node { id ref status } } } } }',
      { id },
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data.orderById).toMatchObject({
      ref: 'LR-1',
      status: 'BOOKED',
      customer: { id: '1' },
      items: { edges: [{ node: { ref: 'LR-1-1', quantity: 2 } }] },
    });
    const fulfilment = gql.data.orderById.fulfilments.edges[0]!.node;
    expect(fulfilment).toMatchObject({ ref: 'LR-1-F1', status: 'AWAITING_WAVE' });

    const wave = await request(t.app)
      .post('/api/v4.1/event/sync')
      .set(auth)
      .send({ name: 'WaveCreate', retailerId: 1, entityType: 'FULFILMENT', entityRef: 'LR-1-F1', rootEntityType: 'ORDER', rootEntityRef: 'LR-1' });
    expect(wave.body.eventStatus).toBe('COMPLETE');
    const fulfilments = await request(t.app).get(`/api/v4.1/order/${id}/fulfilment`).set(auth);
    expect(fulfilments.body).toMatchObject({
      total: 1,
      results: [
        { fulfilmentId: fulfilment.id, fulfilmentRef: 'LR-1-F1', orderId: id, status: 'ASSIGNED', items: [{ skuRef: 'RUNNER-42', requestedQuantity: 2 }] },
      ],
    });
    expect((await request(t.app).get(`/api/v4.1/fulfilment/${fulfilment.id}`).set(auth)).body).toMatchObject({ fulfilmentRef: 'LR-1-F1', status: 'ASSIGNED' });
    expect((await request(t.app).get(`/api/v4.1/order/${id}`).set(auth)).body.status).toBe('PICK_PACK');
  });

  it('raises the same orchestration events as the same order created over GraphQL', async () => {
    await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder('LR-REST')).expect(200);
    const res = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref: 'LR-GQL',
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        totalPrice: 100,
        items: [{ ref: 'LR-GQL-1', productRef: 'RUNNER-42', quantity: 2, price: 50, totalPrice: 100, currency: 'AUD' }],
        fulfilmentChoice: { deliveryType: 'STANDARD', deliveryAddress: { ref: 'LR-GQL-A', street: '1 Road', city: 'Sydney', postcode: '2000', country: 'AU' } },
      },
    });
    expect(res.errors).toBeUndefined();
    const rest = await trail('LR-REST');
    expect(rest).toEqual(expect.arrayContaining(['ORCHESTRATION:ORDER:CREATE', 'ORCHESTRATION_AUDIT:FULFILMENT:CREATE']));
    expect(rest).toEqual(await trail('LR-GQL'));
  });

  it('searches with retailerId, start and count, newest first', async () => {
    for (const ref of ['LR-A', 'LR-B', 'LR-C']) await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder(ref)).expect(200);
    const page = await request(t.app).get('/api/v4.1/order').query({ retailerId: 1, start: 1, count: 1 }).set(auth);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ start: 1, count: 1, total: 3, results: [{ orderRef: 'LR-B', status: 'BOOKED' }] });
    const bad = await request(t.app).get('/api/v4.1/order').query({ count: 0 }).set(auth);
    expect([bad.status, bad.body]).toEqual([400, { errors: [{ code: '400', message: `'count' must be a whole number from 1 to 10000, got "0"` }] }]);
  });

  it.each([
    ['no orderRef', { orderRef: undefined }, 'NotNull', "'orderRef' is required"],
    ['no items', { items: undefined }, 'NotNull', "'items' is required"],
    ['no retailerId', { retailerId: undefined }, 'NotNull', "'retailerId' is required"],
    ['a zero quantity', { items: [{ skuRef: 'RUNNER-42', requestedQty: 0 }] }, '400', "'items.0.requestedQty': expected a quantity above 0"],
    ['an empty item list', { items: [] }, '400', "'items': an order needs at least one item"],
    [
      'a fulfilment choice without its deliveryType',
      { fulfilmentChoice: { pickupLocationRef: 'LOC_MEL_DC' } },
      '400',
      'createOrder: input.fulfilmentChoice: Field "deliveryType" of required type "String!" was not provided.',
    ],
    [
      'an unknown customer',
      { customer: { customerRef: 'nobody' } },
      '400',
      'No customer with customerRef "nobody": create it first (GraphQL createCustomer); the simulator does not create customers from an order',
    ],
  ])('answers 400 in the platform shape for %s and writes nothing', async (_name, overrides, code, message) => {
    const before = orderCount();
    const res = await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder('LR-BAD', overrides));
    expect([res.status, res.body]).toEqual([400, { errors: [{ code, message }] }]);
    expect(orderCount()).toBe(before);
    expect(await trail('LR-BAD')).toEqual([]);
  });

  it('refuses an unknown sku or a duplicate orderRef with the domain error, and writes nothing', async () => {
    const before = orderCount();
    const unknown = await request(t.app)
      .post('/api/v4.1/order')
      .set(auth)
      .send(legacyOrder('LR-X', { items: [{ skuRef: 'NO-SUCH-SKU', requestedQty: 1 }] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toContain('NO-SUCH-SKU');
    expect(orderCount()).toBe(before);
    await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder('LR-DUP')).expect(200);
    const duplicate = await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder('LR-DUP'));
    expect(duplicate.status).toBe(400);
    expect(orderCount()).toBe(before + 1);
  });

  it('answers 404 for an unknown order and 403 to a user of another retailer', async () => {
    const missing = await request(t.app).get('/api/v4.1/order/999999').set(auth);
    expect([missing.status, missing.body]).toEqual([404, { errors: [{ code: '404', message: 'Order 999999 not found' }] }]);
    const { id } = (await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder('LR-R1'))).body as { id: string };
    const other = await createRetailer(t, 'second');
    const stranger = { Authorization: `Bearer ${await userToken(t, 'r2-user', { contextType: 'RETAILER', contextId: other }, other)}` };
    expect((await request(t.app).get(`/api/v4.1/order/${id}`).set(stranger)).status).toBe(403);
    expect((await request(t.app).get('/api/v4.1/order').query({ retailerId: 1 }).set(stranger)).status).toBe(403);
    expect((await request(t.app).get('/api/v4.1/order').set(stranger)).body).toMatchObject({ total: 0, results: [] });
    const before = orderCount();
    expect((await request(t.app).post('/api/v4.1/order').set(stranger).send(legacyOrder('LR-R2'))).status).toBe(403);
    expect(orderCount()).toBe(before);
  });
});
