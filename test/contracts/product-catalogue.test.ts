import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The PRODUCT_CATALOGUE contract (workflow-contracts.md §1: UPSERT_CATEGORY, UPSERT_PRODUCT) end to
 * end: events over the Event API as a PIM connector sends them, read back over GraphQL.
 */
const CATALOGUE = 'PC:MASTER:1';

let t: TestApp;
let auth: Record<string, string>;

const upsert = (name: 'UPSERT_CATEGORY' | 'UPSERT_PRODUCT', attributes: Record<string, unknown>) =>
  request(t.app).post('/api/v4.1/event/sync').set(auth).send({
    name,
    retailerId: '1',
    entityType: 'PRODUCT_CATALOGUE',
    entitySubtype: 'MASTER',
    entityRef: CATALOGUE,
    rootEntityType: 'PRODUCT_CATALOGUE',
    rootEntityRef: CATALOGUE,
    attributes,
  });

type Category = { ref: string; name: string; status: string; parentCategory: { ref: string } | null; childCategories: { edges: { node: { ref: string } }[] } };
const category = async (ref: string) =>
  (
    await t.gql<{ category: Category | null }>(
      'query($ref: String!) { category(ref: $ref, catalogue: { ref: "PC:MASTER:1" }) { ref name status parentCategory { ref } childCategories { edges { node { ref } } } } }',
      { ref },
    )
  ).data.category;

type Variant = {
  ref: string;
  name: string;
  gtin: string;
  status: string;
  summary: string | null;
  product: { ref: string } | null;
  prices: { type: string; currency: string; value: number }[];
  attributes: { name: string; type: string; value: unknown }[];
  categories: { edges: { node: { ref: string } }[] };
};
const variant = async (ref: string) =>
  (
    await t.gql<{ variantProduct: Variant | null }>(
      `query($ref: String!) { variantProduct(ref: $ref, catalogue: { ref: "PC:MASTER:1" }) {
        ref name gtin status summary product { ref } prices { type currency value } attributes { name type value }
        categories { edges { node { ref } } } } }`,
      { ref },
    )
  ).data.variantProduct;
const refs = (connection: { edges: { node: { ref: string } }[] }) => connection.edges.map((e) => e.node.ref).sort();

beforeAll(async () => {
  t = await createTestApp();
  auth = { Authorization: `Bearer ${await t.token()}` };
});

describe('UPSERT_CATEGORY', () => {
  it('creates a parent and a child category, then adopts another child by childCategories', async () => {
    expect((await upsert('UPSERT_CATEGORY', { ref: 'SHOES', name: 'Shoes', type: 'STANDARD', status: 'ACTIVE' })).body.eventStatus).toBe('COMPLETE');
    expect((await upsert('UPSERT_CATEGORY', { ref: 'RUNNING', name: 'Running', type: 'STANDARD', parentCategory: 'SHOES' })).body.eventStatus).toBe('COMPLETE');
    expect((await upsert('UPSERT_CATEGORY', { ref: 'TRAIL', name: 'Trail', type: 'STANDARD', status: 'INACTIVE' })).body.eventStatus).toBe('COMPLETE');
    expect(await category('RUNNING')).toMatchObject({ name: 'Running', status: 'ACTIVE', parentCategory: { ref: 'SHOES' } });
    expect(await category('TRAIL')).toMatchObject({ status: 'INACTIVE', parentCategory: null });

    const update = await upsert('UPSERT_CATEGORY', { ref: 'SHOES', name: 'All shoes', type: 'STANDARD', childCategories: ['TRAIL'] });
    expect(update.body.eventStatus).toBe('COMPLETE');
    const shoes = (await category('SHOES'))!;
    expect(shoes.name).toBe('All shoes');
    expect(refs(shoes.childCategories)).toEqual(['RUNNING', 'TRAIL']);
    expect(await category('TRAIL')).toMatchObject({ parentCategory: { ref: 'SHOES' } });
  });

  it('fails naming the missing attribute, and creates nothing', async () => {
    const res = await upsert('UPSERT_CATEGORY', { ref: 'NONAME', type: 'STANDARD' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ eventStatus: 'FAILED', errorMessage: expect.stringContaining('"name"') });
    expect(await category('NONAME')).toBeNull();
  });
});

describe('UPSERT_PRODUCT', () => {
  const standard = { ref: 'TRAIL-RUNNER', type: 'STANDARD', name: 'Trail runner', gtin: '9300000000017', categoryRefs: ['SHOES'] };
  const variantPayload = {
    ref: 'TRAIL-RUNNER-42',
    type: 'VARIANT',
    name: 'Trail runner 42',
    gtin: '9300000000024',
    status: 'ACTIVE',
    summary: 'Size 42',
    standardProductRef: 'TRAIL-RUNNER',
    categoryRefs: ['SHOES', 'RUNNING'],
    prices: [
      { type: 'DEFAULT', currency: 'AUD', value: 120 },
      { type: 'SALE', currency: 'AUD', value: 99.5 },
    ],
    attributes: [{ name: 'colour', type: 'STRING', value: 'red' }],
  };

  it('creates a variant with prices, categories and attributes, and a second one updates it', async () => {
    expect((await upsert('UPSERT_PRODUCT', standard)).body.eventStatus).toBe('COMPLETE');
    const created = await upsert('UPSERT_PRODUCT', variantPayload);
    expect(created.status).toBe(200);
    expect(created.body.eventStatus).toBe('COMPLETE');
    const first = (await variant('TRAIL-RUNNER-42'))!;
    expect(first).toMatchObject({
      name: 'Trail runner 42',
      gtin: '9300000000024',
      status: 'ACTIVE',
      summary: 'Size 42',
      product: { ref: 'TRAIL-RUNNER' },
      prices: variantPayload.prices,
      attributes: [{ name: 'colour', type: 'STRING', value: 'red' }],
    });
    expect(refs(first.categories)).toEqual(['RUNNING', 'SHOES']);

    const updated = await upsert('UPSERT_PRODUCT', {
      ...variantPayload,
      name: 'Trail runner, size 42',
      status: 'INACTIVE',
      categoryRefs: ['RUNNING', 'TRAIL'],
      prices: [
        { type: 'SALE', currency: 'AUD', value: 89 },
        { type: 'DEFAULT', currency: 'NZD', value: 130 },
      ],
      attributes: [
        { name: 'colour', type: 'STRING', value: 'blue' },
        { name: 'width', type: 'STRING', value: 'wide' },
      ],
    });
    expect(updated.body.eventStatus).toBe('COMPLETE');
    const second = (await variant('TRAIL-RUNNER-42'))!;
    expect(second).toMatchObject({ name: 'Trail runner, size 42', status: 'INACTIVE' });
    // Prices keyed by type + currency, attributes by name, categories made equal to categoryRefs.
    expect(second.prices).toEqual([
      { type: 'DEFAULT', currency: 'AUD', value: 120 },
      { type: 'SALE', currency: 'AUD', value: 89 },
      { type: 'DEFAULT', currency: 'NZD', value: 130 },
    ]);
    expect(second.attributes).toEqual([
      { name: 'colour', type: 'STRING', value: 'blue' },
      { name: 'width', type: 'STRING', value: 'wide' },
    ]);
    expect(refs(second.categories)).toEqual(['RUNNING', 'TRAIL']);

    const reactivated = await upsert('UPSERT_PRODUCT', { ...variantPayload, status: 'ACTIVE', categoryRefs: [] });
    expect(reactivated.body.eventStatus).toBe('COMPLETE');
    expect(await variant('TRAIL-RUNNER-42')).toMatchObject({ status: 'ACTIVE', categories: { edges: [] } });
  });

  it.each([
    { missing: 'gtin', payload: { ref: 'NO-GTIN', type: 'VARIANT', name: 'x' } },
    { missing: 'name', payload: { ref: 'NO-NAME', type: 'VARIANT', gtin: '1' } },
    { missing: 'type', payload: { ref: 'NO-TYPE', name: 'x', gtin: '1' } },
    { missing: 'prices[0].currency', payload: { ref: 'BAD-PRICE', type: 'VARIANT', name: 'x', gtin: '1', prices: [{ type: 'DEFAULT', value: 1 }] } },
  ])('fails naming $missing when it is missing, and creates nothing', async ({ missing, payload }) => {
    const res = await upsert('UPSERT_PRODUCT', payload);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ eventStatus: 'FAILED', errorMessage: expect.stringContaining(`"${missing}"`) });
    expect(await variant(payload.ref)).toBeNull();
  });

  it('fails when a category in categoryRefs does not exist', async () => {
    const res = await upsert('UPSERT_PRODUCT', { ...variantPayload, ref: 'ORPHAN', categoryRefs: ['NOPE'] });
    expect(res.body).toMatchObject({ eventStatus: 'FAILED', errorMessage: expect.stringContaining('"NOPE"') });
    expect(await variant('ORPHAN')).toBeNull();
  });
});
