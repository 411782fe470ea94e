import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

type Prices = {
  prices: {
    edges: { cursor: string; node: { type: string; currency: string; value: number } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
  };
};
const QUERY = `query($type: [String!], $currency: [String!], $value: [Float!], $first: Int, $after: String, $last: Int) {
  prices(type: $type, currency: $currency, value: $value, first: $first, after: $after, last: $last) { edges { cursor node { type currency value } } pageInfo { hasNextPage hasPreviousPage } }
}`;

describe('Query.prices', () => {
  it('lists the prices of every product, newest product first', async () => {
    const t = await createTestApp();
    // seeds/default.json: 3 standard + 5 variant products, one AUD DEFAULT price each.
    const data = await ok<Prices>(t, QUERY, { first: 100 });
    expect(data.prices.edges).toHaveLength(8);
    expect(data.prices.edges[0]!.node).toEqual({ type: 'DEFAULT', currency: 'AUD', value: 149 });
    expect(data.prices.edges.map((e) => e.node.value).sort((a, b) => a - b)).toEqual([29.95, 29.95, 29.95, 79, 79, 149, 149, 149]);
  });

  it('filters by type, currency and value', async () => {
    const t = await createTestApp();
    await ok(
      t,
      `mutation { updateStandardProduct(input: {ref: "HOODIE", catalogue: {ref: "PC:MASTER:1"}, prices: [{type: "DEFAULT", currency: "AUD", value: 79}, {type: "SALE", currency: "AUD", value: 59}, {type: "DEFAULT", currency: "USD", value: 52}]}) { id } }`,
    );
    expect((await ok<Prices>(t, QUERY, { value: [149] })).prices.edges).toHaveLength(3);
    expect((await ok<Prices>(t, QUERY, { type: ['SALE'] })).prices.edges.map((e) => e.node)).toEqual([{ type: 'SALE', currency: 'AUD', value: 59 }]);
    expect((await ok<Prices>(t, QUERY, { currency: ['USD'], first: 10 })).prices.edges.map((e) => e.node.value)).toEqual([52]);
  });

  it('pages with cursors', async () => {
    const t = await createTestApp();
    const first = await ok<Prices>(t, QUERY, { first: 3 });
    expect(first.prices.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    const rest = await ok<Prices>(t, QUERY, { first: 10, after: first.prices.edges[2]!.cursor });
    expect(rest.prices.edges).toHaveLength(5);
    expect(rest.prices.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const all = await ok<Prices>(t, QUERY, { first: 10 });
    expect([...first.prices.edges, ...rest.prices.edges].map((e) => e.cursor)).toEqual(all.prices.edges.map((e) => e.cursor));
  });

  it('rejects a cursor it did not issue', async () => {
    const t = await createTestApp();
    const res = await t.gql(QUERY, { first: 1, after: Buffer.from('Order:1').toString('base64') });
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});
