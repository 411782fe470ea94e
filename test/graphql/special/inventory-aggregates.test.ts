import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

type Aggregate = { sum: number; count: number };

describe('Query.inventoryPositionAggregate', () => {
  const QUERY = `query($catalogue: String!, $productRef: String!, $type: [String!], $status: [String!], $networkRef: String) {
    inventoryPositionAggregate(catalogue: {ref: $catalogue}, productRef: $productRef, type: $type, status: $status, networkRef: $networkRef) { sum count }
  }`;

  it('sums onHand over the product positions of the catalogue', async () => {
    const t = await createTestApp();
    // TSHIRT-BLK-M: 5 (MEL_STORE) + 38 (SYD_STORE) + 29 (MEL_DC), seeds/default.json.
    const data = await ok<{ inventoryPositionAggregate: Aggregate }>(t, QUERY, { catalogue: 'DEFAULT:1', productRef: 'TSHIRT-BLK-M' });
    expect(data.inventoryPositionAggregate).toEqual({ sum: 72, count: 3 });
  });

  it('narrows to the locations of a network, and by type and status', async () => {
    const t = await createTestApp();
    const stores = await ok<{ inventoryPositionAggregate: Aggregate }>(t, QUERY, { catalogue: 'DEFAULT:1', productRef: 'TSHIRT-BLK-M', networkRef: 'STORES' });
    expect(stores.inventoryPositionAggregate).toEqual({ sum: 43, count: 2 });
    await ok(t, `mutation { updateInventoryPosition(input: {ref: "TSHIRT-BLK-M:LOC_MEL_DC", catalogue: {ref: "DEFAULT:1"}, status: "INACTIVE"}) { id } }`);
    const inactive = await ok<{ inventoryPositionAggregate: Aggregate }>(t, QUERY, {
      catalogue: 'DEFAULT:1',
      productRef: 'TSHIRT-BLK-M',
      status: ['INACTIVE'],
      type: ['DEFAULT'],
    });
    expect(inactive.inventoryPositionAggregate).toEqual({ sum: 29, count: 1 });
    const otherType = await ok<{ inventoryPositionAggregate: Aggregate }>(t, QUERY, {
      catalogue: 'DEFAULT:1',
      productRef: 'TSHIRT-BLK-M',
      type: ['CONSIGNMENT'],
    });
    expect(otherType.inventoryPositionAggregate).toEqual({ sum: 0, count: 0 });
  });

  it('answers C0120E for an unknown catalogue or network', async () => {
    const t = await createTestApp();
    const noCatalogue = await t.gql(QUERY, { catalogue: 'NOPE', productRef: 'TSHIRT-BLK-M' });
    expect(noCatalogue.errors?.[0]?.extensions?.code).toBe('C0120E');
    const noNetwork = await t.gql(QUERY, { catalogue: 'DEFAULT:1', productRef: 'TSHIRT-BLK-M', networkRef: 'NOPE' });
    expect(noNetwork.errors?.[0]?.extensions?.code).toBe('C0120E');
  });
});

describe('Query.inventoryQuantityAggregate', () => {
  const QUERY = `query($ref: String!, $type: [String!], $status: [String!], $expectedOn: DateRange) {
    inventoryQuantityAggregate(position: {ref: $ref, catalogue: {ref: "DEFAULT:1"}}, type: $type, status: $status, expectedOn: $expectedOn) { sum count }
  }`;

  it('sums quantity over the position quantities matching the filters', async () => {
    const t = await createTestApp();
    await ok(
      t,
      `mutation {
      createInventoryQuantity(input: {ref: "RUNNER-42:LOC_MEL_DC:RESERVED", catalogue: {ref: "DEFAULT:1"}, position: {ref: "RUNNER-42:LOC_MEL_DC", catalogue: {ref: "DEFAULT:1"}}, type: "RESERVED", quantity: 2}) { id }
    }`,
    );
    await ok(
      t,
      `mutation {
      createInventoryQuantity(input: {ref: "RUNNER-42:LOC_MEL_DC:PO", catalogue: {ref: "DEFAULT:1"}, position: {ref: "RUNNER-42:LOC_MEL_DC", catalogue: {ref: "DEFAULT:1"}}, type: "EXPECTED", quantity: 40, expectedOn: "2026-02-01T00:00:00.000Z"}) { id }
    }`,
    );
    const all = await ok<{ inventoryQuantityAggregate: Aggregate }>(t, QUERY, { ref: 'RUNNER-42:LOC_MEL_DC' });
    expect(all.inventoryQuantityAggregate).toEqual({ sum: 6 + 2 + 40, count: 3 });
    const onHand = await ok<{ inventoryQuantityAggregate: Aggregate }>(t, QUERY, { ref: 'RUNNER-42:LOC_MEL_DC', type: ['LAST_ON_HAND', 'RESERVED'] });
    expect(onHand.inventoryQuantityAggregate).toEqual({ sum: 8, count: 2 });
    const expected = await ok<{ inventoryQuantityAggregate: Aggregate }>(t, QUERY, {
      ref: 'RUNNER-42:LOC_MEL_DC',
      expectedOn: { from: '2026-01-31T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' },
    });
    expect(expected.inventoryQuantityAggregate).toEqual({ sum: 40, count: 1 });
  });

  it('answers C0120E for an unknown position', async () => {
    const t = await createTestApp();
    const res = await t.gql(QUERY, { ref: 'NOPE' });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
  });
});
