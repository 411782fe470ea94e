import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

/** `--seed` through the configuration, as `npx fluent-sim --seed …` uses it. */
const OVERVIEW = `{
  orders(first: 500) { edges { node { ref type status items { edges { node { ref quantity product { ref } } } } } } }
  locations(first: 500) { edges { node { ref type status primaryAddress { ... on StoreAddress { city latitude longitude } } } } }
  variantProducts(first: 500) { edges { node { ref gtin name prices { value currency } } } }
  customers(first: 500) { edges { node { ref firstName lastName } } }
}`;

describe('--seed', () => {
  it('gives byte-identical answers across two starts with the same profile and seed value', async () => {
    const first = await createTestApp({ seed: 'small', seedValue: '7' });
    const second = await createTestApp({ seed: 'small', seedValue: '7' });
    const a = JSON.stringify(await first.gql(OVERVIEW));
    expect(a).toBe(JSON.stringify(await second.gql(OVERVIEW)));
    expect(JSON.parse(a).data.orders.edges.length).toBeGreaterThan(0);
    const other = await createTestApp({ seed: 'small', seedValue: '8' });
    expect(JSON.stringify(await other.gql(OVERVIEW))).not.toBe(a);
  });

  it('starts empty with --seed none, apart from what the default credentials need', async () => {
    const t = await createTestApp({ seed: 'none' });
    const res = await t.gql<Record<string, { edges: unknown[] }>>(`{
      orders { edges { node { id } } } locations { edges { node { id } } } standardProducts { edges { node { id } } }
      customers { edges { node { id } } } inventoryPositions { edges { node { id } } }
      retailers { edges { node { id } } } users { edges { node { username } } } }`);
    for (const name of ['orders', 'locations', 'standardProducts', 'customers', 'inventoryPositions']) expect(res.data[name]!.edges, name).toEqual([]);
    expect(res.data['retailers']!.edges).toEqual([{ node: { id: '1' } }]);
    expect(res.data['users']!.edges).toEqual([{ node: { username: 'admin' } }]);
  });

  it('refuses an unknown seed name with a message listing the choices', async () => {
    await expect(createTestApp({ seed: 'huge' })).rejects.toThrow(/Unknown seed "huge": give default, none, small, demo, large/);
  });
});
