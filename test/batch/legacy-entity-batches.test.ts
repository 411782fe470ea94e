import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Legacy batch entity types (docs/jobs.md): LOCATION, PRODUCT, SKU and CATEGORY records go
 * through the same mutations as GraphQL; bad records are listed in the batch's results and the
 * others are applied. Each test: job → batch → poll until COMPLETE → results → GraphQL.
 */
let t: TestApp;
let auth: { Authorization: string };

beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(async () => {
  await t.reset();
  auth = { Authorization: `Bearer ${await t.token()}` };
});

type BatchBody = { status: string; entityType: string; action: string; total: number; results: Record<string, unknown>[] };

async function runBatch(body: Record<string, unknown>): Promise<BatchBody> {
  const job = await request(t.app)
    .post('/api/v4.1/job')
    .set(auth)
    .send({ name: `SFCC_${String(body['entityType'])}_import`, retailerId: '1' });
  expect(job.status).toBe(200);
  const sent = await request(t.app).post(`/api/v4.1/job/${job.body.id}/batch`).set(auth).send(body);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return vi.waitFor(
    async () => {
      const res = await request(t.app).get(`/api/v4.1/job/${job.body.id}/batch/${sent.body.id}`).set(auth);
      expect(res.body.status, 'the batch to complete').toBe('COMPLETE');
      return res.body as BatchBody;
    },
    { timeout: 30_000, interval: 5 },
  );
}

async function query<T>(text: string): Promise<T> {
  const res = await t.gql<T>(text);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const schedule = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((day) => [
    [`${day}Start`, 800],
    [`${day}End`, 2000],
  ]),
);
const location = (ref: string, extra: Record<string, unknown> = {}) => ({
  locationRef: ref,
  type: 'STORE',
  name: `Store ${ref}`,
  primaryAddress: { ref: `${ref}_ADDR`, city: 'Geelong', latitude: -38.15, longitude: 144.36 },
  openingSchedule: { allHours: false, ...schedule },
  ...extra,
});

describe('legacy entity batches', () => {
  it('LOCATION: CREATE makes each location for the job retailer and lists the bad ones', async () => {
    const batch = await runBatch({
      action: 'CREATE',
      entityType: 'LOCATION',
      entities: [
        location('LOC_GEELONG'),
        location('LOC_MEL_STORE'),
        { locationRef: 'LOC_NO_NAME', type: 'STORE' },
        'not a record',
        location('LOC_BALLARAT', { networks: [{ id: '999999' }] }),
      ],
    });
    expect(batch).toMatchObject({ entityType: 'LOCATION', action: 'CREATE' });
    expect(batch.results.map(({ recordIndex, entityRef, code }) => ({ recordIndex, entityRef, code }))).toEqual([
      { recordIndex: 1, entityRef: 'LOC_MEL_STORE', code: '400' },
      { recordIndex: 2, entityRef: 'LOC_NO_NAME', code: '400' },
      { recordIndex: 3, entityRef: null, code: '400' },
      { recordIndex: 4, entityRef: 'LOC_BALLARAT', code: '404' },
    ]);
    expect(batch.results[0]?.['message']).toBe('Location "LOC_MEL_STORE" already exists; send it with action UPSERT to update it');
    expect(batch.results[1]?.['message']).toContain('createLocation: input: Field "name" of required type "String!" was not provided.');

    const data = await query<{ locations: { edges: { node: Record<string, unknown> }[] } }>(
      `{ locations(ref: ["LOC_GEELONG", "LOC_BALLARAT", "LOC_NO_NAME"]) { edges { node { ref name status retailer { id } primaryAddress { city } openingSchedule { monStart } } } } }`,
    );
    expect(data.locations.edges.map((edge) => edge.node)).toEqual([
      {
        ref: 'LOC_GEELONG',
        name: 'Store LOC_GEELONG',
        status: 'CREATED',
        retailer: { id: '1' },
        primaryAddress: { city: 'Geelong' },
        openingSchedule: { monStart: 800 },
      },
    ]);
  });

  it('LOCATION: UPSERT updates an existing location, its address and schedule in place', async () => {
    const batch = await runBatch({
      action: 'UPSERT',
      entityType: 'LOCATION',
      entities: [{ locationRef: 'LOC_MEL_STORE', name: 'Melbourne Flagship', primaryAddress: { street: '1 Collins St' }, openingSchedule: { monStart: 700 } }],
    });
    expect(batch.results).toEqual([]);
    const data = await query<{ location: Record<string, unknown> }>(
      `{ location(ref: "LOC_MEL_STORE") { name primaryAddress { ref street city } openingSchedule { monStart monEnd } } }`,
    );
    expect(data.location).toEqual({
      name: 'Melbourne Flagship',
      primaryAddress: { ref: 'LOC_MEL_STORE_ADDR', street: '1 Collins St', city: 'Melbourne' },
      openingSchedule: { monStart: 700, monEnd: 1700 },
    });
  });

  it('CATEGORY: creates categories under a parent in the master catalogue, updates on UPSERT, lists the bad ones', async () => {
    const batch = await runBatch({
      action: 'UPSERT',
      entityType: 'CATEGORY',
      entities: [
        { categoryRef: 'TOPS', type: 'STANDARD', name: 'Tops', parentCategoryRef: 'APPAREL' },
        { categoryRef: 'FOOTWEAR', name: 'Shoes' },
        { categoryRef: 'ORPHAN', type: 'STANDARD', name: 'Orphan', parentCategoryRef: 'NO_SUCH_CATEGORY' },
        { name: 'No ref' },
        { categoryRef: 'ELSEWHERE', type: 'STANDARD', name: 'Elsewhere', catalogueRef: 'PC:NOPE' },
      ],
    });
    expect(batch.results.map(({ recordIndex, entityRef, code }) => ({ recordIndex, entityRef, code }))).toEqual([
      { recordIndex: 2, entityRef: 'ORPHAN', code: '404' },
      { recordIndex: 3, entityRef: null, code: '400' },
      { recordIndex: 4, entityRef: 'ELSEWHERE', code: '404' },
    ]);
    expect(batch.results[1]?.['message']).toBe("'ref' (or 'categoryRef') is required: a string");

    const data = await query<{ tops: Record<string, unknown>; footwear: Record<string, unknown>; orphan: unknown }>(
      `{ tops: category(ref: "TOPS", catalogue: { ref: "PC:MASTER:1" }) { name parentCategory { ref } catalogue { ref } }
         footwear: category(ref: "FOOTWEAR", catalogue: { ref: "PC:MASTER:1" }) { name summary }
         orphan: category(ref: "ORPHAN", catalogue: { ref: "PC:MASTER:1" }) { ref } }`,
    );
    expect(data.tops).toEqual({ name: 'Tops', parentCategory: { ref: 'APPAREL' }, catalogue: { ref: 'PC:MASTER:1' } });
    expect(data.footwear).toEqual({ name: 'Shoes', summary: 'Footwear products' });
    expect(data.orphan).toBeNull();
  });

  it('PRODUCT: creates standard products with categories and prices, lists the invalid and duplicate ones', async () => {
    const batch = await runBatch({
      action: 'CREATE',
      entityType: 'PRODUCT',
      entities: [
        {
          productRef: 'FLEECE',
          type: 'STANDARD',
          gtin: '9300000000999',
          name: 'Fleece',
          categoryRefs: ['APPAREL'],
          prices: [{ type: 'DEFAULT', currency: 'AUD', value: 79.95 }],
        },
        { productRef: 'TSHIRT', type: 'STANDARD', gtin: '1', name: 'Again' },
        { productRef: 'NO_GTIN', type: 'STANDARD', name: 'No gtin' },
        { productRef: 'BAD_PRICE', type: 'STANDARD', gtin: '2', name: 'Bad', prices: [{ type: 'DEFAULT', currency: 'AUD', value: 'cheap' }] },
        { productRef: 'BAD_CATS', type: 'STANDARD', gtin: '3', name: 'Bad', categoryRefs: 'APPAREL' },
      ],
    });
    expect(batch.results.map(({ recordIndex, entityRef, code, message }) => ({ recordIndex, entityRef, code, message }))).toEqual([
      { recordIndex: 1, entityRef: 'TSHIRT', code: '400', message: 'Product "TSHIRT" already exists; send it with action UPSERT to update it' },
      { recordIndex: 2, entityRef: 'NO_GTIN', code: '400', message: 'createStandardProduct: input: Field "gtin" of required type "String!" was not provided.' },
      {
        recordIndex: 3,
        entityRef: 'BAD_PRICE',
        code: '400',
        message: 'createStandardProduct: input.prices.0.value: Float cannot represent non numeric value: "cheap"',
      },
      { recordIndex: 4, entityRef: 'BAD_CATS', code: '400', message: `'categoryRefs' must be an array of strings, got "APPAREL"` },
    ]);

    const data = await query<{ standardProducts: { edges: { node: Record<string, unknown> }[] } }>(
      `{ standardProducts(ref: ["FLEECE", "NO_GTIN", "BAD_PRICE"]) { edges { node { ref name status catalogue { ref } categories { edges { node { ref } } } prices { value } } } } }`,
    );
    expect(data.standardProducts.edges.map((edge) => edge.node)).toEqual([
      {
        ref: 'FLEECE',
        name: 'Fleece',
        status: 'ACTIVE',
        catalogue: { ref: 'PC:MASTER:1' },
        categories: { edges: [{ node: { ref: 'APPAREL' } }] },
        prices: [{ value: 79.95 }],
      },
    ]);
  });

  it('SKU: creates variant products of a product, updates on UPSERT, lists the ones whose product is missing', async () => {
    const batch = await runBatch({
      action: 'UPSERT',
      entityType: 'SKU',
      entities: [
        { skuRef: 'TSHIRT-XL-RED', productRef: 'TSHIRT', type: 'VARIANT', gtin: '9300000000777', name: 'T-Shirt XL red' },
        { skuRef: 'GHOST-M', productRef: 'NO_SUCH_PRODUCT', type: 'VARIANT', gtin: '4', name: 'Ghost' },
        { skuRef: 'NO_NAME', productRef: 'TSHIRT', type: 'VARIANT', gtin: '5' },
      ],
    });
    expect(batch.results.map(({ recordIndex, entityRef, code }) => ({ recordIndex, entityRef, code }))).toEqual([
      { recordIndex: 1, entityRef: 'GHOST-M', code: '404' },
      { recordIndex: 2, entityRef: 'NO_NAME', code: '400' },
    ]);
    const again = await runBatch({ action: 'UPSERT', entityType: 'SKU', entities: [{ skuRef: 'TSHIRT-XL-RED', name: 'T-Shirt XL crimson' }] });
    expect(again.results).toEqual([]);

    const data = await query<{ variantProducts: { edges: { node: Record<string, unknown> }[] } }>(
      `{ variantProducts(ref: ["TSHIRT-XL-RED", "GHOST-M", "NO_NAME"]) { edges { node { ref name gtin product { ref } catalogue { ref } } } } }`,
    );
    expect(data.variantProducts.edges.map((edge) => edge.node)).toEqual([
      { ref: 'TSHIRT-XL-RED', name: 'T-Shirt XL crimson', gtin: '9300000000777', product: { ref: 'TSHIRT' }, catalogue: { ref: 'PC:MASTER:1' } },
    ]);
  });

  it('refuses an entity type the action does not take, naming the supported pairs', async () => {
    const job = await request(t.app).post('/api/v4.1/job').set(auth).send({ name: 'bad', retailerId: '1' });
    const res = await request(t.app)
      .post(`/api/v4.1/job/${job.body.id}/batch`)
      .set(auth)
      .send({ action: 'DELETE', entityType: 'SKU', entities: [{ skuRef: 'X' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('"CREATE" or "UPSERT" with entityType "LOCATION", "PRODUCT", "SKU", "CATEGORY"');
  });
});
