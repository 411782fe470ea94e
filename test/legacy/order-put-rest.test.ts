import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * `PUT /api/v4.1/order/{orderId}` beyond the order's own fields (docs/legacy-rest.md "Updates"):
 * items through `updateOrder`'s items, the delivery address through `updateCustomerAddress`,
 * the choice through `updateFulfilmentChoice`, the billing address through `updateOrder`.
 */
const legacyOrder = (orderRef: string) => ({
  orderRef,
  type: 'HD',
  retailerId: '1',
  customer: { customerRef: 'jane.citizen@example.com' },
  items: [
    { skuRef: 'RUNNER-42', requestedQty: 2, skuPrice: 50, totalPrice: 100, currency: 'AUD' },
    { skuRef: 'RUNNER-42', requestedQty: 1, skuPrice: 50, totalPrice: 50, currency: 'AUD', ref: `${orderRef}-GIFT` },
  ],
  fulfilmentChoice: {
    deliveryType: 'STANDARD',
    deliveryInstruction: 'Front door',
    deliveryAddress: { ref: `${orderRef}-A`, name: 'Jane Citizen', street: '1 Road', city: 'Sydney', postcode: '2000', country: 'AU' },
  },
  billingAddress: { name: 'Jane Citizen', street: '9 Bill St', city: 'Sydney', postcode: '2000', country: 'AU' },
  totalPrice: 150,
});

type OrderView = {
  items: { id: string; ref: string; requestedQty: number; skuPrice: number; totalPrice: number; productId: string }[];
  fulfilmentChoice: { id: string; deliveryInstruction: string; deliveryAddress: { street: string; city: string; postcode: string } };
  billingAddress: { street: string; city: string };
};

describe('legacy REST PUT /api/v4.1/order/{orderId}: items and addresses', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let orderId: string;
  const get = async (): Promise<OrderView> => (await request(t.app).get(`/api/v4.1/order/${orderId}`).set(auth).expect(200)).body;
  const put = (body: object) => request(t.app).put(`/api/v4.1/order/${orderId}`).set(auth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    auth = { Authorization: `Bearer ${await t.token()}` };
    orderId = (await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder('OP-1')).expect(200)).body.id;
  });

  it('changes an item by id through updateOrder; GraphQL reads the new quantity and price, the other item is untouched', async () => {
    const [first, second] = (await get()).items;
    // Ids may be sent as numbers, as some clients do.
    const res = await put({ items: [{ id: Number(first!.id), requestedQty: 3, skuPrice: 40, totalPrice: 120 }] });
    expect([res.status, res.body]).toEqual([200, { id: orderId }]);
    const gql = await t.gql<{ orderById: { items: { edges: { node: Record<string, unknown> }[] } } }>(
      'query($id: ID!) { orderById(id: $id) { items { edges { node { ref quantity price totalPrice } } } } }',
      { id: orderId },
    );
    const byRef = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a['ref']).localeCompare(String(b['ref']));
    expect(gql.data.orderById.items.edges.map((e) => e.node).sort(byRef)).toEqual([
      { ref: 'OP-1-1', quantity: 3, price: 40, totalPrice: 120 },
      { ref: 'OP-1-GIFT', quantity: 1, price: 50, totalPrice: 50 },
    ]);
    expect((await get()).items[1]).toEqual(second);
  });

  it('takes the whole GET body back with an item and the delivery address changed', async () => {
    const current = await get();
    const body = structuredClone(current);
    body.items[1]!.requestedQty = 4;
    body.fulfilmentChoice.deliveryAddress.street = '2 New Road';
    body.fulfilmentChoice.deliveryInstruction = 'Leave with neighbour';
    body.billingAddress.city = 'Melbourne';
    expect((await put(body)).status).toBe(200);
    const after = await get();
    expect(after.items.map((i) => i.requestedQty)).toEqual([2, 4]);
    expect(after.fulfilmentChoice).toMatchObject({ deliveryInstruction: 'Leave with neighbour', deliveryAddress: { street: '2 New Road', city: 'Sydney' } });
    expect(after.billingAddress).toMatchObject({ street: '9 Bill St', city: 'Melbourne' });
    const gql = await t.gql<{ orderById: { fulfilmentChoice: { deliveryAddress: { street: string } }; billingAddress: { city: string } } }>(
      'query($id: ID!) { orderById(id: $id) { fulfilmentChoice { deliveryAddress { street } } billingAddress { city } } }',
      { id: orderId },
    );
    expect(gql.data.orderById).toEqual({ fulfilmentChoice: { deliveryAddress: { street: '2 New Road' } }, billingAddress: { city: 'Melbourne' } });
    // The fulfilment sourced from the choice ships to the same address record.
    const fulfilments = (await request(t.app).get(`/api/v4.1/order/${orderId}/fulfilment`).set(auth)).body.results;
    expect(fulfilments.map((f: { toAddress: { street: string } }) => f.toAddress.street)).toEqual(['2 New Road']);
  });

  it('sending the GET body back unchanged writes nothing', async () => {
    const current = await get();
    expect((await put(current)).status).toBe(200);
    expect(await get()).toEqual(current);
  });

  it('refuses an item it does not have, a field it cannot change and a bad address value, and writes nothing', async () => {
    const before = await get();
    const [first] = before.items;
    const unknown = await put({ items: [{ id: '999', requestedQty: 1 }] });
    expect([unknown.status, unknown.body.errors[0].message]).toEqual([
      400,
      `'items[0].id' must be the id of one of the order's items (${before.items.map((i) => i.id).join(', ')}): a PUT changes the order's items, it does not add or remove them`,
    ]);
    const added = await put({ items: [{ skuRef: 'RUNNER-42', requestedQty: 1 }] });
    expect(added.status).toBe(400);
    const product = await put({ items: [{ id: first!.id, productId: '1' }] });
    expect([product.status, product.body.errors[0].message]).toEqual([
      400,
      expect.stringMatching(/^'items\[0\]\.productId' cannot be updated over the Order API/),
    ]);
    const ref = await put({ fulfilmentChoice: { ...before.fulfilmentChoice, id: '77' } });
    expect([ref.status, ref.body.errors[0].message]).toEqual([400, expect.stringMatching(/^'fulfilmentChoice\.id' cannot be updated/)]);
    // A valid item change with a bad address value: the address step is checked before any write.
    const mixed = await put({
      items: [{ id: first!.id, requestedQty: 9 }],
      fulfilmentChoice: { deliveryAddress: { city: 5 } },
    });
    expect([mixed.status, mixed.body.errors[0].message]).toEqual([
      400,
      expect.stringContaining('updateCustomerAddress: input.city: String cannot represent a non string value: 5'),
    ]);
    const long = await put({ items: [{ id: first!.id, requestedQty: 9, status: 'X'.repeat(60) }] });
    expect([long.status, long.body.errors[0].code]).toEqual([400, '400']);
    expect(await get()).toEqual(before);
  });
});
