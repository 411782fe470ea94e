import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createRetailer, userToken } from './support.js';

/**
 * Legacy v4.1 updates (docs/legacy-rest.md "Updates"): PUT of an order, fulfilment, location and
 * return through the GraphQL update mutations; an order's attributes; cancel through the
 * workflow's CancelOrder event.
 */
const legacyOrder = (orderRef: string) => ({
  orderRef,
  type: 'HD',
  retailerId: '1',
  customer: { customerRef: 'jane.citizen@example.com' },
  items: [{ skuRef: 'RUNNER-42', requestedQty: 2, skuPrice: 50, totalPrice: 100, currency: 'AUD' }],
  fulfilmentChoice: { deliveryType: 'STANDARD', deliveryAddress: { ref: `${orderRef}-A`, street: '1 Road', city: 'Sydney', postcode: '2000', country: 'AU' } },
  totalPrice: 100,
});

describe('legacy REST updates', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let orderId: string;

  const orderOverGraphql = async () => {
    const res = await t.gql<{
      orderById: { status: string; totalPrice: number; attributes: unknown[]; fulfilments: { edges: { node: { status: string } }[] } };
    }>('query($id: ID!) { orderById(id: $id) { status totalPrice attributes { name type value } fulfilments { edges { node { status } } } } }', {
      id: orderId,
    });
    expect(res.errors).toBeUndefined();
    return res.data.orderById;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    auth = { Authorization: `Bearer ${await t.token()}` };
    const created = await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder('UP-1')).expect(200);
    orderId = created.body.id as string;
  });

  it('PUT /order/{id} updates the order through updateOrder; a GET body sent back with a change works', async () => {
    const res = await request(t.app)
      .put(`/api/v4.1/order/${orderId}`)
      .set(auth)
      .send({ totalPrice: 120, attributes: [{ name: 'channel', type: 'STRING', value: 'store' }] });
    expect([res.status, res.body]).toEqual([200, { id: orderId }]);
    expect(await orderOverGraphql()).toMatchObject({ totalPrice: 120, attributes: [{ name: 'channel', type: 'STRING', value: 'store' }] });

    const current = (await request(t.app).get(`/api/v4.1/order/${orderId}`).set(auth)).body;
    const again = await request(t.app)
      .put(`/api/v4.1/order/${orderId}`)
      .set(auth)
      .send({ ...current, totalTaxPrice: 12 });
    expect(again.status).toBe(200);
    expect((await request(t.app).get(`/api/v4.1/order/${orderId}`).set(auth)).body).toMatchObject({ orderRef: 'UP-1', totalPrice: 120, totalTaxPrice: 12 });
  });

  it('PUT /order/{id} refuses a field it cannot change, a wrong type and an unknown order, and writes nothing', async () => {
    const before = (await request(t.app).get(`/api/v4.1/order/${orderId}`).set(auth)).body;
    const ref = await request(t.app).put(`/api/v4.1/order/${orderId}`).set(auth).send({ orderRef: 'OTHER', totalPrice: 1 });
    expect([ref.status, ref.body.errors]).toEqual([
      400,
      [
        {
          code: '400',
          message:
            "'orderRef' cannot be updated over the Order API; send only status, attributes, totalPrice, totalTaxPrice, items, fulfilmentChoice, billingAddress (use GraphQL for the rest)",
        },
      ],
    ]);
    const typed = await request(t.app).put(`/api/v4.1/order/${orderId}`).set(auth).send({ totalPrice: 'lots' });
    expect(typed.status).toBe(400);
    expect(typed.body.errors[0].message).toContain('updateOrder: input.totalPrice: Float cannot represent non numeric value: "lots"');
    const missing = await request(t.app).put('/api/v4.1/order/999999').set(auth).send({ totalPrice: 1 });
    expect([missing.status, missing.body]).toEqual([404, { errors: [{ code: '404', message: 'Order 999999 not found' }] }]);
    expect((await request(t.app).get(`/api/v4.1/order/${orderId}`).set(auth)).body).toEqual(before);
  });

  it('PUT /order/{id}/attribute adds or replaces attributes by name and GET lists them', async () => {
    const first = await request(t.app)
      .put(`/api/v4.1/order/${orderId}/attribute`)
      .set(auth)
      .send([
        { name: 'giftMessage', type: 'STRING', value: 'Happy birthday' },
        { name: 'priority', type: 'INTEGER', value: 1 },
      ]);
    expect(first.status).toBe(200);
    const second = await request(t.app)
      .put(`/api/v4.1/order/${orderId}/attribute`)
      .set(auth)
      .send({ attributes: [{ name: 'priority', type: 'INTEGER', value: 2 }] });
    expect(second.body).toEqual([
      { name: 'giftMessage', type: 'STRING', value: 'Happy birthday' },
      { name: 'priority', type: 'INTEGER', value: 2 },
    ]);
    expect((await request(t.app).get(`/api/v4.1/order/${orderId}/attribute`).set(auth)).body).toEqual(second.body);
    expect((await orderOverGraphql()).attributes).toEqual(second.body);

    const bad = await request(t.app).put(`/api/v4.1/order/${orderId}/attribute`).set(auth).send({ name: 'x' });
    expect(bad.status).toBe(400);
    const noType = await request(t.app)
      .put(`/api/v4.1/order/${orderId}/attribute`)
      .set(auth)
      .send([{ name: 'x', value: 1 }]);
    expect(noType.status).toBe(400);
    expect(noType.body.errors[0].message).toContain('Field "type" of required type "String!" was not provided');
  });

  it('PUT /order/{id}/cancel sends CancelOrder through the workflow: the order and its fulfilment are CANCELLED; a second cancel is NO_MATCH', async () => {
    expect((await orderOverGraphql()).status).toBe('BOOKED');
    const res = await request(t.app)
      .put(`/api/v4.1/order/${orderId}/cancel`)
      .set(auth)
      .send({ attributes: [{ name: 'reason', type: 'STRING', value: 'customer asked' }] });
    expect([res.status, res.body]).toEqual([200, { eventId: expect.any(String), entityId: orderId, eventStatus: 'COMPLETE' }]);
    const order = await orderOverGraphql();
    expect(order.status).toBe('CANCELLED');
    expect(order.fulfilments.edges.map((edge) => edge.node.status)).toEqual(['CANCELLED']);
    const event = await request(t.app).get(`/api/v4.1/event/${res.body.eventId}`).set(auth);
    expect(event.body).toMatchObject({
      name: 'CancelOrder',
      context: { entityType: 'ORDER', entityId: orderId },
      attributes: [{ name: 'reason', type: 'STRING', value: 'customer asked' }],
    });

    const again = await request(t.app).put(`/api/v4.1/order/${orderId}/cancel`).set(auth);
    expect([again.status, again.body.eventStatus]).toEqual([400, 'NO_MATCH']);
  });

  it('PUT /fulfilment/{id}, /location/{id} and /return/{id} update through their mutations', async () => {
    const fulfilment = (await request(t.app).get(`/api/v4.1/order/${orderId}/fulfilment`).set(auth)).body.results[0];
    const f = await request(t.app).put(`/api/v4.1/fulfilment/${fulfilment.fulfilmentId}`).set(auth).send({ eta: '2D', fulfilmentType: 'HD_PFDC' });
    expect([f.status, f.body]).toEqual([200, { id: fulfilment.fulfilmentId }]);
    expect((await request(t.app).get(`/api/v4.1/fulfilment/${fulfilment.fulfilmentId}`).set(auth)).body).toMatchObject({
      eta: '2D',
      fulfilmentType: 'HD_PFDC',
    });

    const location = (await request(t.app).get('/api/v4.1/location').query({ retailerId: 1, count: 1 }).set(auth)).body.results[0];
    const l = await request(t.app)
      .put(`/api/v4.1/location/${location.locationId}`)
      .set(auth)
      .send({ ...location, name: 'Renamed store', supportPhoneNumber: '+61 3 0000 0000' });
    expect(l.status).toBe(200);
    const gql = await t.gql<{ locationById: Record<string, unknown> }>('query($id: ID!) { locationById(id: $id) { name supportPhoneNumber } }', {
      id: location.locationId,
    });
    expect(gql.data.locationById).toEqual({ name: 'Renamed store', supportPhoneNumber: '+61 3 0000 0000' });
    const moved = await request(t.app).put(`/api/v4.1/location/${location.locationId}`).set(auth).send({ retailerId: '2' });
    expect([moved.status, moved.body.errors[0].message]).toEqual([400, expect.stringMatching(/^'retailerId' cannot be updated over the Location API/)]);

    const created = await request(t.app)
      .post('/api/v4.1/return')
      .set(auth)
      .send({
        returnRef: 'UP-RET',
        retailerId: '1',
        type: 'CUSTOMER_RETURN',
        orderId,
        customer: { customerId: '1' },
        currency: { alphabeticCode: 'AUD' },
        defaultTaxType: { country: 'AU', group: 'STANDARD', tariff: 'GST' },
        subTotalAmount: { amount: 50 },
        totalTax: { amount: 5 },
        totalAmount: { amount: 55 },
        returnOrderItems: [
          {
            ref: 'UP-RET-1',
            type: 'DEFAULT',
            product: { ref: 'RUNNER-42', catalogue: { ref: 'PC:MASTER:1' } },
            unitQuantity: { quantity: 1 },
            unitAmount: { amount: 50 },
            itemTaxAmount: { amount: 5 },
            itemAmount: { amount: 55 },
          },
        ],
      })
      .expect(200);
    const r = await request(t.app)
      .put(`/api/v4.1/return/${created.body.id}`)
      .set(auth)
      .send({ status: 'AWAITING_RETURN', attributes: [{ name: 'rma', type: 'STRING', value: 'RMA-9' }] });
    expect([r.status, r.body]).toEqual([200, { id: created.body.id }]);
    const ret = await t.gql<{ returnOrder: Record<string, unknown> }>(
      '{ returnOrder(ref: "UP-RET", retailer: { id: "1" }) { status attributes { name value } } }',
    );
    expect(ret.data.returnOrder).toEqual({ status: 'AWAITING_RETURN', attributes: [{ name: 'rma', value: 'RMA-9' }] });
  });

  it('answers 403 to a user of another retailer and changes nothing', async () => {
    const other = await createRetailer(t, 'OTHER');
    const token = await userToken(t, 'other-admin', { contextType: 'RETAILER', contextId: other }, other);
    const foreign = { Authorization: `Bearer ${token}` };
    expect((await request(t.app).put(`/api/v4.1/order/${orderId}`).set(foreign).send({ totalPrice: 1 })).status).toBe(403);
    expect((await request(t.app).put(`/api/v4.1/order/${orderId}/attribute`).set(foreign).send([])).status).toBe(403);
    expect((await request(t.app).put(`/api/v4.1/order/${orderId}/cancel`).set(foreign)).status).toBe(403);
    expect(await orderOverGraphql()).toMatchObject({ status: 'BOOKED', totalPrice: 100 });
  });
});
