import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_START, type TestApp } from '../support/test-app.js';

const CREATE = 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id createdOn } }';
const SEARCH =
  'query($range: DateRange, $first: Int, $after: String) { orders(createdOn: $range, first: $first, after: $after) { edges { cursor node { ref } } pageInfo { hasNextPage } } }';

type Search = { orders: { edges: { cursor: string; node: { ref: string } }[]; pageInfo: { hasNextPage: boolean } } };

const hour = (n: number): string => new Date(TEST_START.getTime() + n * 3_600_000).toISOString();

/** Orders O0…O5 created an hour apart (O0 at TEST_START); a B2B type has no workflow. */
async function createOrders(t: TestApp, hours: number[]): Promise<void> {
  for (const [i, h] of hours.entries()) {
    await request(t.app)
      .post('/_sim/clock')
      .send({ set: hour(h) })
      .expect(200);
    const res = await t.gql(CREATE, {
      input: { ref: `O${i}`, type: 'B2B', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: `O${i}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }] },
    });
    expect(res.errors).toBeUndefined();
  }
}

async function refs(t: TestApp, range: { from?: string; to?: string }, first = 50): Promise<string[]> {
  const res = await t.gql<Search>(SEARCH, { range, first });
  expect(res.errors).toBeUndefined();
  return res.data.orders.edges.map((e) => e.node.ref);
}

describe('orders(createdOn: {from, to})', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  it.each([
    { title: 'an old window', range: { from: hour(0), to: hour(1) }, expected: ['O1', 'O0'] },
    { title: 'a window in the middle, bounds inclusive', range: { from: hour(2), to: hour(3) }, expected: ['O3', 'O2'] },
    { title: 'the newest window', range: { from: hour(5) }, expected: ['O5'] },
    { title: 'only an upper bound', range: { to: hour(2) }, expected: ['O2', 'O1', 'O0'] },
    { title: 'a window between two orders', range: { from: '2026-01-15T10:00:00.001Z', to: '2026-01-15T10:59:59.999Z' }, expected: [] },
    { title: 'a window after every order', range: { from: hour(9) }, expected: [] },
  ])('finds the orders created in $title', async ({ range, expected }) => {
    await createOrders(t, [0, 1, 2, 3, 4, 5]);
    // Ids follow creation time: the search takes the binary-search path.
    expect(t.sim.accounts.get('LOCAL')!.store.createdOnOrdered('Order')).toBe(true);
    expect(await refs(t, range)).toEqual(expected);
  });

  it('pages through a window with cursors, newest first', async () => {
    await createOrders(t, [0, 1, 2, 3, 4, 5]);
    const range = { from: hour(1), to: hour(4) };
    const first = await t.gql<Search>(SEARCH, { range, first: 3 });
    expect(first.data.orders.edges.map((e) => e.node.ref)).toEqual(['O4', 'O3', 'O2']);
    expect(first.data.orders.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql<Search>(SEARCH, { range, first: 3, after: first.data.orders.edges.at(-1)!.cursor });
    expect(next.data.orders.edges.map((e) => e.node.ref)).toEqual(['O1']);
    expect(next.data.orders.pageInfo.hasNextPage).toBe(false);
  });

  it('stays right when the clock was set back between creations (creation order is not time order)', async () => {
    await createOrders(t, [3, 4, 0, 1, 5]);
    expect(t.sim.accounts.get('LOCAL')!.store.createdOnOrdered('Order')).toBe(false);
    expect(await refs(t, { from: hour(0), to: hour(1) })).toEqual(['O3', 'O2']);
    expect(await refs(t, { from: hour(3), to: hour(4) })).toEqual(['O1', 'O0']);
  });
});
