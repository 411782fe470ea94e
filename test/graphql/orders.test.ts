import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ORDER_FIELDS = `id ref type status workflowRef workflowVersion createdOn totalPrice
  attributes { name type value }
  retailer { id ref }
  customer { id ref firstName }
  customerLink { ref }
  fulfilmentChoice { ref deliveryType status deliveryAddress { ... on CustomerAddress { ref city postcode } } }
  items(first: 10) { edges { node { ref quantity price status product { ref name } order { ref } } } }`;

const CREATE_ORDER = `mutation($input: CreateOrderInput) { createOrder(input: $input) { ${ORDER_FIELDS} } }`;

function orderInput(ref: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ref,
    type: 'HD',
    retailer: { id: '1' },
    customer: { id: '1' },
    totalPrice: 59.9,
    attributes: [{ name: 'channel', type: 'STRING', value: 'web' }],
    fulfilmentChoice: {
      ref: `${ref}-FC`,
      deliveryType: 'STANDARD',
      fulfilmentType: 'HD_PFDC',
      deliveryAddress: { ref: `${ref}-ADDR`, name: 'Jane Citizen', street: '1 Main St', city: 'Melbourne', state: 'VIC', postcode: '3000', country: 'AU' },
    },
    items: [
      {
        ref: `${ref}-1`,
        productRef: 'TSHIRT-BLK-M',
        productCatalogueRef: 'PC:MASTER:1',
        quantity: 2,
        price: 29.95,
        paidPrice: 29.95,
        currency: 'AUD',
        totalPrice: 59.9,
      },
    ],
    ...extra,
  };
}

describe('orders through GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => t.reset());

  it('creates an order with items, a fulfilment choice and a delivery address, and reads it back three ways', async () => {
    const created = await t.gql<{ createOrder: Record<string, unknown> }>(CREATE_ORDER, { input: orderInput('HD-1001') });
    expect(created.errors).toBeUndefined();
    const order = created.data.createOrder;
    expect(order).toMatchObject({
      ref: 'HD-1001',
      type: 'HD',
      workflowRef: 'ORDER::HD',
      createdOn: '2026-01-15T09:00:00.000Z',
      totalPrice: 59.9,
      attributes: [{ name: 'channel', type: 'STRING', value: 'web' }],
      retailer: { id: '1' },
      customer: { id: '1', ref: 'jane.citizen@example.com', firstName: 'Jane' },
      customerLink: { ref: 'jane.citizen@example.com' },
      fulfilmentChoice: { ref: 'HD-1001-FC', deliveryType: 'STANDARD', deliveryAddress: { ref: 'HD-1001-ADDR', city: 'Melbourne', postcode: '3000' } },
      items: {
        edges: [
          {
            node: { ref: 'HD-1001-1', quantity: 2, price: 29.95, product: { ref: 'TSHIRT-BLK-M', name: 'Classic T-Shirt Black M' }, order: { ref: 'HD-1001' } },
          },
        ],
      },
    });
    expect(order['id']).toMatch(/^\d+$/);
    expect(order['status']).toBe('CREATED');
    // The CREATE event runs the ORDER::HD workflow (rulesets/order-hd.json): CREATED → BOOKED.
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();

    const byId = await t.gql<{ orderById: unknown }>(`query($id: ID!) { orderById(id: $id) { ${ORDER_FIELDS} } }`, { id: order['id'] });
    const byRef = await t.gql<{ order: unknown }>(`query($ref: String) { order(ref: $ref) { ${ORDER_FIELDS} } }`, { ref: 'HD-1001' });
    const search = await t.gql<{ orders: { edges: { node: unknown }[] } }>(`{ orders(ref: ["HD-1001"]) { edges { node { ${ORDER_FIELDS} } } } }`);
    const expected = { ...order, status: 'BOOKED' };
    expect(byId.data.orderById).toEqual(expected);
    expect(byRef.data.order).toEqual(expected);
    expect(search.data.orders.edges.map((e) => e.node)).toEqual([expected]);
  });

  it('updates status and upserts attributes by name', async () => {
    const created = await t.gql<{ createOrder: { id: string } }>(CREATE_ORDER, { input: orderInput('HD-2') });
    const id = created.data.createOrder.id;
    await t.sim.accounts.get('LOCAL')!.clock.advance(60_000);
    const updated = await t.gql<{ updateOrder: Record<string, unknown> }>(
      `mutation($input: UpdateOrderInput) { updateOrder(input: $input) { id status updatedOn createdOn attributes { name value } } }`,
      {
        input: {
          id,
          status: 'BOOKED',
          attributes: [
            { name: 'channel', type: 'STRING', value: 'store' },
            { name: 'note', type: 'STRING', value: 'gift' },
          ],
        },
      },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateOrder).toMatchObject({
      status: 'BOOKED',
      createdOn: '2026-01-15T09:00:00.000Z',
      updatedOn: '2026-01-15T09:01:00.000Z',
      attributes: [
        { name: 'channel', value: 'store' },
        { name: 'note', value: 'gift' },
      ],
    });
    const found = await t.gql<{ orders: { edges: unknown[] } }>(`{ orders(status: ["BOOKED"]) { edges { node { id } } } }`);
    expect(found.data.orders.edges).toEqual([{ node: { id } }]);
  });
});

describe('order paging', () => {
  let t: TestApp;
  const refs: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 1; i <= 25; i += 1) {
      const ref = `P-${String(i).padStart(2, '0')}`;
      refs.push(ref);
      const res = await t.gql(CREATE_ORDER, { input: orderInput(ref) });
      expect(res.errors).toBeUndefined();
    }
  });

  type Conn = { orders: { edges: { cursor: string; node: { ref: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } } };
  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
    orders(ref: ${JSON.stringify(Array.from({ length: 25 }, (_, i) => `P-${String(i + 1).padStart(2, '0')}`))}, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { ref } } pageInfo { hasNextPage hasPreviousPage } } }`;

  it('returns each order exactly once, newest first, paging forwards with first + after', async () => {
    const seen: string[] = [];
    const flags: boolean[][] = [];
    let after: string | undefined;
    for (;;) {
      const res = await t.gql<Conn>(PAGE, { first: 10, after });
      seen.push(...res.data.orders.edges.map((e) => e.node.ref));
      flags.push([res.data.orders.pageInfo.hasPreviousPage, res.data.orders.pageInfo.hasNextPage]);
      if (!res.data.orders.pageInfo.hasNextPage) break;
      after = res.data.orders.edges.at(-1)!.cursor;
    }
    expect(seen).toEqual([...refs].reverse());
    expect(flags).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  it('returns each order exactly once paging backwards with last + before', async () => {
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const res = await t.gql<Conn>(PAGE, { last: 10, before });
      seen.unshift(...res.data.orders.edges.map((e) => e.node.ref));
      if (!res.data.orders.pageInfo.hasPreviousPage) break;
      before = res.data.orders.edges[0]!.cursor;
    }
    expect(seen).toEqual([...refs].reverse());
  });

  it('uses the default page size of 10 when neither first nor last is given', async () => {
    const res = await t.gql<Conn>(`{ orders { edges { node { ref } } pageInfo { hasNextPage } } }`);
    expect(res.data.orders.edges).toHaveLength(10);
    expect(res.data.orders.pageInfo.hasNextPage).toBe(true);
  });
});

describe('bad GraphQL input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => t.reset());
  const countOrders = async (): Promise<number> =>
    (await t.gql<{ orders: { edges: unknown[] } }>('{ orders(first: 500) { edges { node { id } } } }')).data.orders.edges.length;

  it('rejects malformed JSON with 400 and the platform error body', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', `Bearer ${await t.token()}`)
      .set('Content-Type', 'application/json')
      .send('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('400');
  });

  it("rejects a field that does not exist in Fluent's schema", async () => {
    const res = await t.gql('{ orders { edges { node { id orderNumber } } } }');
    expect(res.errors?.[0]?.message).toBe('Cannot query field "orderNumber" on type "Order".');
  });

  it('rejects a variable of the wrong type', async () => {
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send({ query: 'query($id: ID!) { orderById(id: $id) { id } }', variables: { id: { nested: true } } });
    expect(res.body.errors[0].message).toMatch(/Variable "\$id" got invalid value/);
  });

  it('refuses a duplicate order ref with C0121E and writes nothing', async () => {
    await t.gql(CREATE_ORDER, { input: orderInput('DUP-1') });
    const before = await countOrders();
    const res = await t.gql(CREATE_ORDER, { input: orderInput('DUP-1') });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0121E');
    expect(res.errors?.[0]?.message).toMatch(/^C0121E: Order with ref "DUP-1" already exists/);
    expect(await countOrders()).toBe(before);
  });

  it('refuses an unknown reference with C0120E and writes neither the order nor its children', async () => {
    const res = await t.gql(CREATE_ORDER, { input: orderInput('BAD-1', { customer: { id: '999' } }) });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    const badProduct = await t.gql(CREATE_ORDER, { input: orderInput('BAD-2', { items: [{ ref: 'x', productRef: 'NO-SUCH-SKU', quantity: 1 }] }) });
    expect(badProduct.errors?.[0]?.message).toMatch(/^C0120E: Product with ref "NO-SUCH-SKU"/);
    expect(await countOrders()).toBe(0);
    const items = await t.gql<{ orderItems: { edges: unknown[] } }>('{ orderItems { edges { node { id } } } }');
    expect(items.data.orderItems.edges).toEqual([]);
  });

  it('a lookup that finds nothing returns null, not an error', async () => {
    const res = await t.gql('{ orderById(id: "424242") { id } order(ref: "nope") { id } location(ref: "nope") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ orderById: null, order: null, location: null });
  });
});
