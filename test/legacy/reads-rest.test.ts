import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hdChoice } from '../support/delivery-address.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createRetailer, userToken } from './support.js';

/**
 * Legacy v4.1 reads beyond orders and fulfilments (docs/legacy-rest.md): an order's transactions
 * (list, one, PUT status), consignments (one, search, PUT), returns search, a fulfilment option
 * by id, and the documented endpoints the simulator does not serve (501).
 */
describe('legacy REST transactions, consignments, returns and what is not served', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let orderId: string;

  const payment = (transactionRef: string, amount: number) => ({
    transactionRef,
    transactionType: 'PAYMENT',
    amount,
    currency: 'AUD',
    paymentMethod: 'CREDITCARD',
  });

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    auth = { Authorization: `Bearer ${await t.token()}` };
    const order = {
      orderRef: 'RD-1',
      type: 'HD',
      retailerId: '1',
      customer: { customerId: '1' },
      fulfilmentChoice: hdChoice('RD-1'),
      items: [{ skuRef: 'RUNNER-42', requestedQty: 1, skuPrice: 50 }],
    };
    orderId = (await request(t.app).post('/api/v4.1/order').set(auth).send(order).expect(200)).body.id;
  });

  it("lists an order's transactions, reads one, and PUTs its status through updateFinancialTransaction", async () => {
    const first = (await request(t.app).post(`/api/v4.1/order/${orderId}/transaction`).set(auth).send(payment('PAY-1', 30)).expect(200)).body.id;
    await request(t.app).post(`/api/v4.1/order/${orderId}/transaction`).set(auth).send(payment('PAY-2', 20)).expect(200);
    const list = await request(t.app).get(`/api/v4.1/order/${orderId}/transaction`).set(auth);
    expect(list.status).toBe(200);
    expect([list.body.total, list.body.results.map((r: { transactionRef: string; amount: number }) => [r.transactionRef, r.amount])]).toEqual([
      2,
      [
        ['PAY-1', 30],
        ['PAY-2', 20],
      ],
    ]);
    const one = await request(t.app).get(`/api/v4.1/order/${orderId}/transaction/${first}`).set(auth);
    expect(one.body).toMatchObject({
      orderId,
      transactionId: first,
      transactionRef: 'PAY-1',
      transactionType: 'PAYMENT',
      amount: 30,
      currency: 'AUD',
      paymentMethod: 'CREDITCARD',
      status: 'CREATED',
    });
    const put = await request(t.app)
      .put(`/api/v4.1/order/${orderId}/transaction/${first}`)
      .set(auth)
      .send({ ...one.body, status: 'CAPTURED' });
    expect([put.status, put.body]).toEqual([200, { id: first }]);
    const gql = await t.gql<{ financialTransaction: { status: string } }>('query($id: ID!) { financialTransaction(id: $id) { status } }', {
      id: first,
    });
    expect(gql.data.financialTransaction.status).toBe('CAPTURED');
    const amount = await request(t.app).put(`/api/v4.1/order/${orderId}/transaction/${first}`).set(auth).send({ amount: 1 });
    expect([amount.status, amount.body.errors[0].message]).toEqual([
      400,
      expect.stringMatching(/^'amount' cannot be updated over the Transaction API; send only status/),
    ]);

    const otherOrder = {
      orderRef: 'RD-2',
      type: 'HD',
      retailerId: '1',
      customer: { customerId: '1' },
      fulfilmentChoice: hdChoice('RD-2'),
      items: [{ skuRef: 'RUNNER-42', requestedQty: 1 }],
    };
    const other = (await request(t.app).post('/api/v4.1/order').set(auth).send(otherOrder).expect(200)).body.id;
    const elsewhere = await request(t.app).get(`/api/v4.1/order/${other}/transaction/${first}`).set(auth);
    expect([elsewhere.status, elsewhere.body]).toEqual([404, { errors: [{ code: '404', message: `Transaction ${first} not found on order ${other}` }] }]);
  });

  it('reads a consignment in the Consignment API names, finds it by carrier and PUTs its status and reference', async () => {
    const fulfilmentId = (await request(t.app).get(`/api/v4.1/order/${orderId}/fulfilment`).set(auth)).body.results[0].fulfilmentId;
    const article = await t.gql<{ createArticle: { id: string } }>('mutation($input: CreateArticleInput) { createArticle(input: $input) { id } }', {
      input: { ref: 'ART-1', type: 'DEFAULT', height: 1, length: 1, width: 1, weight: 1, fulfilments: [{ id: fulfilmentId }] },
    });
    expect(article.errors).toBeUndefined();
    const consignment = await t.gql<{ createConsignment: { id: string } }>(
      'mutation($input: CreateConsignmentInput) { createConsignment(input: $input) { id } }',
      {
        input: {
          ref: 'CON-1',
          consignmentReference: 'TRACK-1',
          labelUrl: 'label.pdf',
          carrier: { id: '1' },
          retailer: { id: '1' },
          consignmentArticles: [{ article: { id: article.data.createArticle.id } }],
        },
      },
    );
    expect(consignment.errors).toBeUndefined();
    const id = consignment.data.createConsignment.id;
    const carrier = await t.gql<{ carrierById: { name: string } }>('{ carrierById(id: "1") { name } }');

    const read = await request(t.app).get(`/api/v4.1/consignment/${id}`).set(auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      consignmentId: id,
      carrierId: '1',
      carrierName: carrier.data.carrierById.name,
      consignmentRef: 'TRACK-1',
      labelUrl: 'label.pdf',
      ref: 'CON-1',
      retailerId: '1',
      articles: [{ articleId: article.data.createArticle.id, articleRef: 'ART-1' }],
    });
    const found = await request(t.app).get('/api/v4.1/consignment').query({ carrierId: 1 }).set(auth);
    expect([found.body.total, found.body.results[0].consignmentId]).toEqual([1, id]);
    expect((await request(t.app).get('/api/v4.1/consignment').query({ carrierId: 99 }).set(auth)).body.total).toBe(0);

    const put = await request(t.app)
      .put(`/api/v4.1/consignment/${id}`)
      .set(auth)
      .send({ ...read.body, status: 'ACTIVE_SENT', consignmentRef: 'TRACK-2' });
    expect([put.status, put.body]).toEqual([200, { id }]);
    const gql = await t.gql<{ consignmentById: Record<string, unknown> }>('query($id: ID!) { consignmentById(id: $id) { status consignmentReference } }', {
      id,
    });
    expect(gql.data.consignmentById).toEqual({ status: 'ACTIVE_SENT', consignmentReference: 'TRACK-2' });
    const renamed = await request(t.app).put(`/api/v4.1/consignment/${id}`).set(auth).send({ carrierName: 'Other' });
    expect([renamed.status, renamed.body.errors[0].message]).toEqual([400, expect.stringMatching(/^'carrierName' cannot be updated over the Consignment API/)]);
    expect((await request(t.app).get('/api/v4.1/consignment/999').set(auth)).status).toBe(404);
  });

  it('searches returns by status and type, and reads a fulfilment option by id within the retailer scope', async () => {
    const base = {
      retailerId: '1',
      orderId,
      customer: { customerId: '1' },
      currency: { alphabeticCode: 'AUD' },
      defaultTaxType: { country: 'AU', group: 'STANDARD', tariff: 'GST' },
      subTotalAmount: { amount: 50 },
      totalTax: { amount: 5 },
      totalAmount: { amount: 55 },
    };
    const item = (ref: string) => ({
      ref,
      type: 'DEFAULT',
      product: { ref: 'RUNNER-42', catalogue: { ref: 'PC:MASTER:1' } },
      unitQuantity: { quantity: 1 },
      unitAmount: { amount: 50 },
      itemTaxAmount: { amount: 5 },
      itemAmount: { amount: 55 },
    });
    for (const [returnRef, type] of [
      ['RS-1', 'CUSTOMER_RETURN'],
      ['RS-2', 'CANCELLATION'],
    ] as const) {
      await request(t.app)
        .post('/api/v4.1/return')
        .set(auth)
        .send({ ...base, returnRef, type, returnOrderItems: [item(`${returnRef}-1`)] })
        .expect(200);
    }
    const refs = async (query: Record<string, unknown>) =>
      (await request(t.app).get('/api/v4.1/return').query(query).set(auth).expect(200)).body.results.map((r: { returnRef: string }) => r.returnRef);
    expect(await refs({ retailerId: 1 })).toEqual(['RS-2', 'RS-1']);
    expect(await refs({ type: 'CANCELLATION' })).toEqual(['RS-2']);
    expect(await refs({ orderId })).toEqual(['RS-2', 'RS-1']);

    const option = await request(t.app)
      .post('/api/v4.1/fulfilmentOptions')
      .set(auth)
      .send({ retailerId: '1', orderType: 'HD', items: [{ skuRef: 'RUNNER-42', requestedQuantity: 1 }] })
      .expect(200);
    const read = await request(t.app).get(`/api/v4.1/fulfilmentOptions/${option.body.id}`).set(auth);
    expect([read.status, read.body]).toEqual([200, { ...option.body, limit: null }]);
    const other = await createRetailer(t, 'OTHER');
    const foreign = { Authorization: `Bearer ${await userToken(t, 'other-admin', { contextType: 'RETAILER', contextId: other }, other)}` };
    expect((await request(t.app).get(`/api/v4.1/fulfilmentOptions/${option.body.id}`).set(foreign)).status).toBe(403);
  });

  it('answers a documented endpoint it does not serve with 501 in the platform shape, writing nothing', async () => {
    const store = t.sim.accounts.get('LOCAL')!.store;
    const locations = store.count('Location');
    const location = await request(t.app).post('/api/v4.1/location').set(auth).send({ ref: 'NEW', name: 'New store' });
    expect([location.status, location.body]).toEqual([
      501,
      {
        errors: [
          {
            code: '501',
            message:
              'POST /api/v4.1/location (Fluent\'s Location API (methods GET, POST, PUT; permission LOCATION_CREATE)) is not simulated by fluent-sim: create locations with the GraphQL createLocation mutation (docs/legacy-rest.md "Not served")',
          },
        ],
      },
    ]);
    expect(store.count('Location')).toBe(locations);
    expect((await request(t.app).post('/api/v4.1/consignment').set(auth).send({})).status).toBe(501);
    // Without a token it is still a 401, and a path the platform does not have stays a plain 404.
    expect((await request(t.app).post('/api/v4.1/location').send({})).status).toBe(401);
    const unknown = await request(t.app).get('/api/v4.1/nothing-here').set(auth);
    expect([unknown.status, unknown.body.errors[0].message]).toEqual([404, 'No endpoint GET /api/v4.1/nothing-here']);
  });
});
