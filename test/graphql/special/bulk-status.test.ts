import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

type Positions = { inventoryPositions: { edges: { node: { ref: string; status: string } }[] } };
const positionsAt = async (t: TestApp, locationRef: string): Promise<Record<string, string>> => {
  const data = await ok<Positions>(
    t,
    `query($loc: [String]) { inventoryPositions(catalogue: {ref: "DEFAULT:1"}, locationRef: $loc, first: 100) { edges { node { ref status } } } }`,
    { loc: [locationRef] },
  );
  return Object.fromEntries(data.inventoryPositions.edges.map((e) => [e.node.ref, e.node.status]));
};

describe('Mutation.updateInventoryPositionsStatusByLocation', () => {
  const MUTATION = `mutation($catalogue: String!, $loc: String!, $status: String!) {
    updateInventoryPositionsStatusByLocation(filter: {catalogue: {ref: $catalogue}, locationRef: $loc}, input: {status: $status}) { count }
  }`;

  it('sets the status of every position at the location and counts them', async () => {
    const t = await createTestApp();
    const data = await ok<{ updateInventoryPositionsStatusByLocation: { count: number } }>(t, MUTATION, {
      catalogue: 'DEFAULT:1',
      loc: 'LOC_SYD_STORE',
      status: 'INACTIVE',
    });
    // Five seeded products have a position at each location.
    expect(data.updateInventoryPositionsStatusByLocation.count).toBe(5);
    expect(new Set(Object.values(await positionsAt(t, 'LOC_SYD_STORE')))).toEqual(new Set(['INACTIVE']));
    expect(Object.values(await positionsAt(t, 'LOC_MEL_STORE'))).not.toContain('INACTIVE');
  });

  it('counts zero for a location without positions', async () => {
    const t = await createTestApp();
    const data = await ok<{ updateInventoryPositionsStatusByLocation: { count: number } }>(t, MUTATION, {
      catalogue: 'DEFAULT:1',
      loc: 'NOWHERE',
      status: 'INACTIVE',
    });
    expect(data.updateInventoryPositionsStatusByLocation.count).toBe(0);
  });

  it('answers C0120E for an unknown catalogue and changes nothing', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, { catalogue: 'NOPE', loc: 'LOC_SYD_STORE', status: 'INACTIVE' });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    expect(Object.values(await positionsAt(t, 'LOC_SYD_STORE'))).not.toContain('INACTIVE');
  });

  it('rejects a status longer than 50 characters without changing any position', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, { catalogue: 'DEFAULT:1', loc: 'LOC_SYD_STORE', status: 'X'.repeat(51) });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0141E');
    expect(Object.values(await positionsAt(t, 'LOC_SYD_STORE'))).not.toContain('X'.repeat(51));
  });
});

describe('Mutation.updateVirtualPositionsStatusByGroup', () => {
  const MUTATION = `mutation($catalogue: String!, $group: String!, $status: String!) {
    updateVirtualPositionsStatusByGroup(filter: {catalogue: {ref: $catalogue}, groupRef: $group}, input: {status: $status}) { count }
  }`;

  it('sets the status of the group positions of the virtual catalogue', async () => {
    const t = await createTestApp();
    await ok(
      t,
      'mutation { createVirtualCatalogue(input: { ref: "VC:BULK", type: "BASE", name: "Bulk", inventoryCatalogueRef: "DEFAULT:1", productCatalogueRef: "PC:MASTER:1" }) { id } }',
    );
    for (const [ref, group] of [
      ['TSHIRT-BLK-M:LOC_MEL_STORE', 'LOC_MEL_STORE'],
      ['TSHIRT-BLK-L:LOC_MEL_STORE', 'LOC_MEL_STORE'],
      ['TSHIRT-BLK-M:LOC_SYD_STORE', 'LOC_SYD_STORE'],
    ] as const) {
      await ok(t, `mutation($input: CreateVirtualPositionInput) { createVirtualPosition(input: $input) { id } }`, {
        input: { ref, catalogue: { ref: 'VC:BULK' }, type: 'BASE', productRef: ref.split(':')[0], groupRef: group, quantity: 1 },
      });
    }
    const data = await ok<{ updateVirtualPositionsStatusByGroup: { count: number } }>(t, MUTATION, {
      catalogue: 'VC:BULK',
      group: 'LOC_MEL_STORE',
      status: 'DISABLED',
    });
    expect(data.updateVirtualPositionsStatusByGroup.count).toBe(2);
    const positions = await ok<{ virtualPositions: { edges: { node: { ref: string; status: string } }[] } }>(
      t,
      `{ virtualPositions(catalogue: {ref: "VC:BULK"}, first: 10) { edges { node { ref status } } } }`,
    );
    const status = Object.fromEntries(positions.virtualPositions.edges.map((e) => [e.node.ref, e.node.status]));
    expect(status['TSHIRT-BLK-M:LOC_MEL_STORE']).toBe('DISABLED');
    expect(status['TSHIRT-BLK-L:LOC_MEL_STORE']).toBe('DISABLED');
    expect(status['TSHIRT-BLK-M:LOC_SYD_STORE']).not.toBe('DISABLED');
  });

  it('answers C0120E for an unknown virtual catalogue', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, { catalogue: 'NOPE', group: 'LOC_MEL_STORE', status: 'ACTIVE' });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
  });
});

describe('Mutation.updateInventoryQuantitiesStatus', () => {
  const MUTATION = `mutation($ref: String!, $type: [String!], $status: String!) {
    updateInventoryQuantitiesStatus(filter: {position: {ref: $ref, catalogue: {ref: "DEFAULT:1"}}, type: $type}, input: {status: $status}) { count }
  }`;

  it('sets the status of the position quantities matching the filter', async () => {
    const t = await createTestApp();
    await ok(
      t,
      `mutation {
      createInventoryQuantity(input: {ref: "RUNNER-43:LOC_MEL_DC:RESERVED", catalogue: {ref: "DEFAULT:1"}, position: {ref: "RUNNER-43:LOC_MEL_DC", catalogue: {ref: "DEFAULT:1"}}, type: "RESERVED", quantity: 2}) { id }
    }`,
    );
    const data = await ok<{ updateInventoryQuantitiesStatus: { count: number } }>(t, MUTATION, {
      ref: 'RUNNER-43:LOC_MEL_DC',
      type: ['RESERVED'],
      status: 'INACTIVE',
    });
    expect(data.updateInventoryQuantitiesStatus.count).toBe(1);
    const quantities = await ok<{ inventoryPosition: { quantities: { edges: { node: { type: string; status: string } }[] } } }>(
      t,
      `{ inventoryPosition(ref: "RUNNER-43:LOC_MEL_DC", catalogue: {ref: "DEFAULT:1"}) { quantities { edges { node { type status } } } } }`,
    );
    const byType = Object.fromEntries(quantities.inventoryPosition.quantities.edges.map((e) => [e.node.type, e.node.status]));
    expect(byType['RESERVED']).toBe('INACTIVE');
    expect(byType['LAST_ON_HAND']).not.toBe('INACTIVE');
  });

  it('answers C0120E for an unknown position', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, { ref: 'NOPE', status: 'INACTIVE' });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
  });
});
