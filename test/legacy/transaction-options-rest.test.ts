import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Order transactions and fulfilment options over the legacy v4.1 REST endpoints. */
describe('legacy REST transactions and fulfilment options', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let orderId: string;
  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    auth = { Authorization: `Bearer ${await t.token()}` };
    const created = await request(t.app)
      .post('/api/v4.1/order')
      .set(auth)
      .send({ orderRef: 'TX-1', type: 'HD', retailerId: 1, customer: { customerId: 1 }, items: [{ skuRef: 'RUNNER-42', requestedQty: 1, skuPrice: 59.9 }] });
    orderId = created.body.id as string;
  });

  it('adds a payment to an order that GraphQL then lists', async () => {
    const res = await request(t.app).post(`/api/v4.1/order/${orderId}/transaction`).set(auth).send({
      transactionRef: 'PAY-1',
      transactionType: 'PAYMENT',
      amount: 59.9,
      currency: 'AUD',
      paymentMethod: 'CREDITCARD',
      cardType: 'VISA',
      paymentProvider: 'ADYEN',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const gql = await t.gql<{ orderById: { financialTransactions: { edges: { node: Record<string, unknown> }[] } } }>(
      'query($id: ID!) { orderById(id: $id) { financialTransactions { edges { node { id ref type status total currency paymentMethod cardType paymentProviderName } } } } }',
      { id: orderId },
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data.orderById.financialTransactions.edges).toEqual([
      {
        node: {
          id: res.body.id,
          ref: 'PAY-1',
          type: 'PAYMENT',
          status: 'CREATED',
          total: 59.9,
          currency: 'AUD',
          paymentMethod: 'CREDITCARD',
          cardType: 'VISA',
          paymentProviderName: 'ADYEN',
        },
      },
    ]);
  });

  it('answers 400 NotNull for a missing field and 404 for an unknown order, writing nothing', async () => {
    const store = t.sim.accounts.get('LOCAL')!.store;
    const missing = await request(t.app)
      .post(`/api/v4.1/order/${orderId}/transaction`)
      .set(auth)
      .send({ transactionRef: 'PAY-2', transactionType: 'PAYMENT', currency: 'AUD', paymentMethod: 'CREDITCARD' });
    expect([missing.status, missing.body]).toEqual([400, { errors: [{ code: 'NotNull', message: "'amount' is required" }] }]);
    const unknown = await request(t.app)
      .post('/api/v4.1/order/99999/transaction')
      .set(auth)
      .send({ transactionRef: 'PAY-3', transactionType: 'PAYMENT', amount: 1, currency: 'AUD', paymentMethod: 'CASH' });
    expect([unknown.status, unknown.body]).toEqual([404, { errors: [{ code: '404', message: 'Order 99999 not found' }] }]);
    expect(store.count('FinancialTransaction')).toBe(0);
  });

  it('creates fulfilment options through createFulfilmentOption and answers in the documented shape', async () => {
    const res = await request(t.app)
      .post('/api/v4.1/fulfilmentOptions')
      .set(auth)
      .send({ retailerId: '1', orderType: 'CC', locationRef: 'LOC_MEL_DC', limit: 10, items: [{ skuRef: 'RUNNER-42', requestedQuantity: 2 }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      type: 'DEFAULT',
      retailerId: 1,
      orderType: 'CC',
      locationRef: 'LOC_MEL_DC',
      limit: 10,
      count: 0,
      total: 0,
      plans: [],
    });
    const gql = await t.gql<{ fulfilmentOptionById: { ref: string; products: { productRef: string; requestedQuantity: number }[] } }>(
      'query($id: ID!) { fulfilmentOptionById(id: $id) { ref products { productRef requestedQuantity } } }',
      { id: res.body.id },
    );
    expect(gql.data.fulfilmentOptionById).toEqual({ ref: res.body.ref, products: [{ productRef: 'RUNNER-42', requestedQuantity: 2 }] });
    const bad = await request(t.app).post('/api/v4.1/fulfilmentOptions').set(auth).send({ retailerId: '1' });
    expect([bad.status, bad.body]).toEqual([400, { errors: [{ code: 'NotNull', message: "'items' is required" }] }]);
  });
});
