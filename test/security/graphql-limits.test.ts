import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bracketNesting } from '../../server/graphql/query-limits.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type GqlBody = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

const ITEM = (ref: string) => ({ ref, productRef: 'TSHIRT-BLK-M', quantity: 1 });
const ORDER = (ref: string, extra: Record<string, unknown> = {}) => ({
  ref,
  type: 'HD',
  retailer: { id: '1' },
  customer: { id: '1' },
  items: [ITEM(`${ref}-1`)],
  ...extra,
});
const CREATE = 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }';

/** `order(ref) { items { edges { node { order { items … } } } } }`, nested `levels` times (issue 16 #2). */
function nestedItems(levels: number): string {
  let inner = 'ref';
  for (let i = 0; i < levels; i += 1) inner = `items(first: 10) { edges { node { ref order { ${inner} } } } }`;
  return `{ order(ref: "NEST-1") { ${inner} } }`;
}

describe('GraphQL limits', () => {
  let t: TestApp;
  let post: (body: unknown) => Promise<{ status: number; body: GqlBody }>;
  const orderCount = async (): Promise<number> => t.sim.accounts.get('LOCAL')!.store.candidates('Order').length;
  beforeAll(async () => {
    t = await createTestApp();
    const token = await t.token();
    post = async (body) => {
      const res = await request(t.app)
        .post('/graphql')
        .set('Authorization', `Bearer ${token}`)
        .send(body as object);
      return { status: res.status, body: res.body as GqlBody };
    };
    await t.gql(CREATE, { input: ORDER('NEST-1') });
  });

  const expectTooComplex = (body: GqlBody): void => {
    expect(body.data ?? undefined).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('C0001E');
    expect(body.errors?.[0]?.message).toMatch(/^C0001E: /);
  };

  it('refuses the 7-level nested items query with C0001E before running it', async () => {
    const started = performance.now();
    const res = await post({ query: nestedItems(7) });
    expect(res.status).toBe(200);
    expectTooComplex(res.body);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses three nested levels over 500 orders, and keeps one level', async () => {
    expectTooComplex(
      (
        await post({
          query:
            '{ orders(first: 500) { edges { node { items(first: 10) { edges { node { order { items(first: 10) { edges { node { order { items(first: 10) { edges { node { ref } } } } } } } } } } } } } } }',
        })
      ).body,
    );
    const ok = await post({ query: '{ orders(first: 500) { edges { node { ref items(first: 50) { edges { node { ref product { ref } } } } } } } }' });
    expect(ok.body.errors).toBeUndefined();
  });

  it('counts page sizes given as variables', async () => {
    const query =
      'query($n: Int) { orders(first: $n) { edges { node { items(first: 100) { edges { node { order { items(first: 100) { edges { node { ref } } } } } } } } } } }';
    expectTooComplex((await post({ query, variables: { n: 500 } })).body);
    expect((await post({ query, variables: { n: 1 } })).body.errors).toBeUndefined();
  });

  it('refuses 10,000 aliases', async () => {
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expectTooComplex((await post({ query })).body);
  });

  it('refuses a fragment that fans out exponentially', async () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on User { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expectTooComplex((await post({ query: `{ me { ...F0 } } ${fragments} fragment F30 on User { id }` })).body);
  });

  it('answers 5,000 nested braces with a client error, not "Unexpected error."', async () => {
    for (const query of [
      '{'.repeat(5000) + '}'.repeat(5000),
      `${'{ a '.repeat(5000)}${'}'.repeat(5000)}`,
      `{ me(x: ${'['.repeat(5000)}${']'.repeat(5000)}) { id } }`,
    ]) {
      const res = await post({ query });
      expect(res.status).toBeLessThan(500);
      expectTooComplex(res.body);
    }
  });

  it('keeps GraphiQL working: the introspection query is not limited', async () => {
    const res = await post({ query: getIntrospectionQuery() });
    expect(res.body.errors).toBeUndefined();
  });

  it('applies a configured depth limit', async () => {
    const shallow = await createTestApp({ maxQueryDepth: 3 });
    expectTooComplex((await shallow.gql('{ orders { edges { node { id } } } }')) as GqlBody);
    expect(((await shallow.gql('{ me { id } }')) as GqlBody).errors).toBeUndefined();
  });

  it('refuses an input list over the limit and stores nothing', async () => {
    const small = await createTestApp({ maxInputList: 5 });
    const many = (n: number) => Array.from({ length: n }, (_, i) => ITEM(`BIG-${n}-${i}`));
    expectTooComplex((await small.gql(CREATE, { input: ORDER('BIG-6', { items: many(6) }) })) as GqlBody);
    const literal = `mutation { createOrder(input: { ref: "BIG-L", type: "HD", retailer: { id: "1" }, customer: { id: "1" }, items: [${many(6)
      .map((i) => `{ ref: "${i.ref}", productRef: "TSHIRT-BLK-M", quantity: 1 }`)
      .join(', ')}] }) { id } }`;
    expectTooComplex((await small.gql(literal)) as GqlBody);
    expect(small.sim.accounts.get('LOCAL')!.store.candidates('Order')).toHaveLength(0);
    expect(((await small.gql(CREATE, { input: ORDER('BIG-5', { items: many(5) }) })) as GqlBody).errors).toBeUndefined();
  });

  it('never stores a number that is not finite (totalPrice: 1e309, an attribute value of Infinity)', async () => {
    const before = await orderCount();
    const literal = await post({
      query:
        'mutation { createOrder(input: { ref: "INF-1", type: "HD", totalPrice: 1e309, retailer: { id: "1" }, customer: { id: "1" }, items: [{ ref: "INF-1-1", productRef: "TSHIRT-BLK-M", quantity: 1 }] }) { id } }',
    });
    expect(literal.body.errors?.[0]?.message).toMatch(/non numeric value: 1e309/);
    const res = await request(t.app)
      .post('/graphql')
      .set('Authorization', `Bearer ${await t.token()}`)
      .set('Content-Type', 'application/json')
      .send(
        `{"query":${JSON.stringify(CREATE)},"variables":{"input":${JSON.stringify(ORDER('INF-2', { attributes: [{ name: 'x', type: 'JSON', value: 0 }] })).replace('"value":0', '"value":{"deep":[1e309]}')}}}`,
      );
    expect(res.body.errors?.[0]?.message).toMatch(/non-finite/);
    expect(await orderCount()).toBe(before);
  });

  it('answers items: [null] with a client error and stores nothing', async () => {
    const before = await orderCount();
    const res = await post({
      query: 'mutation { createOrder(input: { ref: "NULL-1", type: "HD", retailer: { id: "1" }, customer: { id: "1" }, items: [null] }) { id } }',
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('C0140E');
    expect(res.body.errors?.[0]?.message).not.toBe('Unexpected error.');
    expect(await orderCount()).toBe(before);
  });

  it('answers malformed GET variables with 400, not "Unexpected error."', async () => {
    const query = encodeURIComponent('query($a: String) { me { id } }');
    for (const variables of ['{bad', '[1]', '"text"', 'null']) {
      const res = await request(t.app)
        .get(`/graphql?query=${query}&variables=${encodeURIComponent(variables)}`)
        .set('Authorization', `Bearer ${await t.token()}`)
        .set('Accept', 'application/json');
      expect(res.status, variables).toBe(400);
      expect(res.body.errors[0].message).toMatch(/variables/);
    }
  });

  it('measures bracket nesting outside strings and comments', () => {
    expect(bracketNesting('{ a(s: "{{{{") { b } } # {{{{', 100)).toBe(2);
    expect(bracketNesting('{ a(s: """ {{{ """) { b } }', 100)).toBe(2);
    expect(bracketNesting('{ a(s: "\\"{{") { b } }', 100)).toBe(2);
  });
});
