import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createRetailer, userToken } from './support.js';

/**
 * The legacy v4.1 searches (docs/legacy-rest.md "Searches"): `retailerId`, `start`, `count` as the
 * Location API documents them, the [inferred] filters, and `from`/`to` on createdOn.
 */
const legacyOrder = (orderRef: string) => ({
  orderRef,
  type: 'HD',
  retailerId: '1',
  customer: { customerRef: 'jane.citizen@example.com' },
  items: [{ skuRef: 'RUNNER-42', requestedQty: 1, skuPrice: 50, totalPrice: 50, currency: 'AUD' }],
  fulfilmentChoice: { deliveryType: 'STANDARD', deliveryAddress: { ref: `${orderRef}-A`, street: '1 Road', city: 'Sydney', postcode: '2000', country: 'AU' } },
  totalPrice: 50,
});

type Page = { start: number; count: number; total: number; results: Record<string, unknown>[] };

describe('legacy REST searches', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  /** Order ref → [order id, createdOn]; orders F-1, F-2, F-3 one minute apart. */
  const orders = new Map<string, { id: string; at: string }>();
  let firstAt: string;

  const search = async (path: string, query: Record<string, unknown>): Promise<Page> => {
    const res = await request(t.app).get(`/api/v4.1/${path}`).query(query).set(auth);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const orderRefs = (page: Page) => page.results.map((r) => r['orderRef']);

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await t.reset();
    auth = { Authorization: `Bearer ${await t.token()}` };
    const clock = t.sim.accounts.get('LOCAL')!.clock;
    orders.clear();
    for (const ref of ['F-1', 'F-2', 'F-3']) {
      await clock.advance(60_000);
      const id = (await request(t.app).post('/api/v4.1/order').set(auth).send(legacyOrder(ref)).expect(200)).body.id as string;
      orders.set(ref, { id, at: new Date(clock.nowMs()).toISOString() });
    }
    firstAt = orders.get('F-1')!.at;
  });

  it('GET /fulfilment pages the fulfilments newest first with start and count', async () => {
    const all = await search('fulfilment', { retailerId: 1, from: firstAt });
    expect([all.start, all.count, all.total, orderRefs(all)]).toEqual([0, 3, 3, ['F-3', 'F-2', 'F-1']]);
    expect(all.results[0]).toMatchObject({ fulfilmentId: expect.any(String), orderId: orders.get('F-3')!.id, fulfilmentType: 'HD_PFDC' });
    const page = await search('fulfilment', { retailerId: 1, from: firstAt, start: 1, count: 1 });
    expect([page.start, page.count, page.total, orderRefs(page)]).toEqual([1, 1, 3, ['F-2']]);
  });

  it('GET /fulfilment filters by status, fulfilmentType, orderId, orderRef and the createdOn window', async () => {
    const f1 = (await search('fulfilment', { orderId: orders.get('F-1')!.id })).results;
    expect(orderRefs({ results: f1 } as Page)).toEqual(['F-1']);
    await request(t.app).put(`/api/v4.1/fulfilment/${f1[0]!['fulfilmentId']}`).set(auth).send({ status: 'ON_HOLD' }).expect(200);
    expect(orderRefs(await search('fulfilment', { status: 'ON_HOLD' }))).toEqual(['F-1']);
    expect(orderRefs(await search('fulfilment', { orderRef: 'F-2,F-3' }))).toEqual(['F-3', 'F-2']);
    expect((await search('fulfilment', { from: firstAt, fulfilmentType: 'HD_PFDC' })).total).toBe(3);
    expect((await search('fulfilment', { fulfilmentType: 'CC_PFS' })).total).toBe(0);
    expect(orderRefs(await search('fulfilment', { from: firstAt, to: orders.get('F-2')!.at }))).toEqual(['F-2', 'F-1']);
  });

  it('GET /order filters by status and the createdOn window', async () => {
    expect(orderRefs(await search('order', { retailerId: 1, from: orders.get('F-2')!.at }))).toEqual(['F-3', 'F-2']);
    await request(t.app)
      .put(`/api/v4.1/order/${orders.get('F-2')!.id}`)
      .set(auth)
      .send({ status: 'ON_HOLD' })
      .expect(200);
    expect(orderRefs(await search('order', { status: 'ON_HOLD' }))).toEqual(['F-2']);
    expect((await search('order', { from: firstAt, type: 'CC' })).total).toBe(0);
  });

  it('refuses a malformed date or count with 400 in the platform shape', async () => {
    const date = await request(t.app).get('/api/v4.1/fulfilment').query({ from: 'yesterday' }).set(auth);
    expect([date.status, date.body]).toEqual([
      400,
      { errors: [{ code: '400', message: `'from' must be a UTC ISO date-time such as 2026-01-15T09:00:00.000Z, got "yesterday"` }] },
    ]);
    const count = await request(t.app).get('/api/v4.1/return').query({ count: 0 }).set(auth);
    expect([count.status, count.body.errors[0].message]).toEqual([400, `'count' must be a whole number from 1 to 10000, got "0"`]);
  });

  it('scopes fulfilments to the retailers of the user, by their order', async () => {
    const other = await createRetailer(t, 'OTHER');
    const token = await userToken(t, 'other-admin', { contextType: 'RETAILER', contextId: other }, other);
    const foreign = { Authorization: `Bearer ${token}` };
    expect((await request(t.app).get('/api/v4.1/fulfilment').query({ retailerId: 1 }).set(foreign)).status).toBe(403);
    const own = await request(t.app).get('/api/v4.1/fulfilment').set(foreign);
    expect([own.status, own.body.total]).toEqual([200, 0]);
  });
});
