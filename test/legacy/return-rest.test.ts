import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** `POST /api/v4.1/return`: documented top level, GraphQL names for the rest (docs/legacy-rest.md). */
const money = (amount: number) => ({ amount });
const legacyReturn = (returnRef: string, orderId: string, overrides: Record<string, unknown> = {}) => ({
  returnRef,
  retailerId: '1',
  type: 'CUSTOMER_RETURN',
  orderId,
  customer: { customerId: '1' },
  currency: { alphabeticCode: 'AUD' },
  defaultTaxType: { country: 'AU', group: 'STANDARD', tariff: 'GST' },
  subTotalAmount: money(50),
  totalTax: money(5),
  totalAmount: money(55),
  returnOrderItems: [
    {
      ref: `${returnRef}-1`,
      type: 'DEFAULT',
      product: { ref: 'RUNNER-42', catalogue: { ref: 'PC:MASTER:1' } },
      unitQuantity: { quantity: 1 },
      unitAmount: money(50),
      itemTaxAmount: money(5),
      itemAmount: money(55),
    },
  ],
  ...overrides,
});

describe('legacy REST /api/v4.1/return', () => {
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
      .send({ orderRef: 'RT-1', type: 'HD', retailerId: '1', customer: { customerId: '1' }, items: [{ skuRef: 'RUNNER-42', requestedQty: 1, skuPrice: 50 }] });
    orderId = created.body.id as string;
  });

  it('creates a return order for an order through createReturnOrder; GraphQL and REST read it back', async () => {
    const res = await request(t.app).post('/api/v4.1/return').set(auth).send(legacyReturn('RET-1', orderId));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const gql = await t.gql<{
      returnOrder: {
        ref: string;
        type: string;
        status: string;
        order: { ref: string };
        customer: { ref: string };
        returnOrderItems: { edges: { node: { ref: string } }[] };
      };
    }>('{ returnOrder(ref: "RET-1", retailer: { id: "1" }) { ref type status order { ref } customer { ref } returnOrderItems { edges { node { ref } } } } }');
    expect(gql.errors).toBeUndefined();
    expect(gql.data.returnOrder).toEqual({
      ref: 'RET-1',
      type: 'CUSTOMER_RETURN',
      status: 'CREATED',
      order: { ref: 'RT-1' },
      customer: { ref: 'jane.citizen@example.com' },
      returnOrderItems: { edges: [{ node: { ref: 'RET-1-1' } }] },
    });
    const rest = await request(t.app).get(`/api/v4.1/return/${res.body.id}`).set(auth);
    expect(rest.body).toMatchObject({ returnId: res.body.id, returnRef: 'RET-1', type: 'CUSTOMER_RETURN', status: 'CREATED' });
  });

  it('answers 400 in the platform shape and writes nothing for a missing field or an unknown order', async () => {
    const store = t.sim.accounts.get('LOCAL')!.store;
    const missing = await request(t.app)
      .post('/api/v4.1/return')
      .set(auth)
      .send(legacyReturn('RET-2', orderId, { returnRef: undefined }));
    expect([missing.status, missing.body]).toEqual([400, { errors: [{ code: 'NotNull', message: "'returnRef' is required" }] }]);
    const unknown = await request(t.app).post('/api/v4.1/return').set(auth).send(legacyReturn('RET-3', '99999'));
    expect([unknown.status, unknown.body]).toEqual([400, { errors: [{ code: '400', message: 'No order with orderId "99999"' }] }]);
    const noItems = await request(t.app)
      .post('/api/v4.1/return')
      .set(auth)
      .send(legacyReturn('RET-4', orderId, { returnOrderItems: undefined }));
    expect([noItems.status, noItems.body]).toEqual([
      400,
      {
        errors: [
          {
            code: '400',
            message: 'createReturnOrder: input: Field "returnOrderItems" of required type "[CreateReturnOrderItemWithReturnOrderInput!]!" was not provided.',
          },
        ],
      },
    ]);
    expect(store.count('ReturnOrder')).toBe(0);
  });
});
