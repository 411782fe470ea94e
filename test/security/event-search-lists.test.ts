import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQueryString } from '../../server/http/parse-query-string.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 16 #7: past 20 values the query parser made the list an object and the filter was dropped.
describe('GET /api/v4.1/event with a repeated parameter', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await t.token();
    for (const ref of ['LIST-1', 'LIST-2', 'OTHER-1']) {
      const input = { ref, type: 'HD', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: `${ref}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }] };
      await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', { input });
    }
  });

  it.each([21, 500])('filters on all %i values', async (n) => {
    const refs = ['LIST-1', 'LIST-2', ...Array.from({ length: n - 2 }, (_, i) => `NONE-${i}`)];
    const qs = [...refs.map((r) => `context.rootEntityRef=${r}`), 'count=5000'].join('&');
    const res = await request(t.app).get(`/api/v4.1/event?${qs}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const roots = new Set(res.body.results.map((e: { context: { rootEntityRef: string } }) => e.context.rootEntityRef));
    expect([...roots].sort()).toEqual(['LIST-1', 'LIST-2']);
  });

  it('parses repeated keys of any count into an ordered list and keeps dotted keys flat', () => {
    const parsed = parseQueryString(`${Array.from({ length: 500 }, (_, i) => `a.b=${i}`).join('&')}&c=%ZZ`);
    expect(parsed['a.b']).toHaveLength(500);
    expect((parsed['a.b'] as string[])[499]).toBe('499');
    expect(parsed['c']).toBe('%ZZ');
    expect(parseQueryString('__proto__=x&constructor=y')).toMatchObject({ constructor: 'y' });
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
