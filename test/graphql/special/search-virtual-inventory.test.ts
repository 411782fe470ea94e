import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

const SEARCH = `query($vc: String!, $pq: [ProductQuantityInput!]!, $excluded: [String!], $near: GeoCoordinateInput, $first: Int, $status: String) {
  searchVirtualInventory(virtualCatalogue: {ref: $vc}, virtualPosition: {status: $status}, productQuantities: $pq, excludedLocationRefs: $excluded, orderByProximity: $near, first: $first) {
    edges { cursor node { location { ref } virtualPositions { productRef quantity groupRef } } }
    pageInfo { hasNextPage hasPreviousPage }
  }
}`;
const MELBOURNE = { latitude: -37.8136, longitude: 144.9631 };
const SYDNEY = { latitude: -33.8688, longitude: 151.2093 };

type Result = {
  searchVirtualInventory: {
    edges: { cursor: string; node: { location: { ref: string }; virtualPositions: { productRef: string; quantity: number; groupRef: string }[] } }[];
    pageInfo: { hasNextPage: boolean };
  };
};
const refs = (r: Result): string[] => r.searchVirtualInventory.edges.map((e) => e.node.location.ref);
const search = (t: TestApp, vars: Record<string, unknown>): Promise<Result> => ok<Result>(t, SEARCH, vars);

describe('Query.searchVirtualInventory', () => {
  describe('over the seeded catalogue, which has no virtual positions (derived from inventory)', () => {
    it('returns the locations whose stock covers the requested quantity, in creation order', async () => {
      const t = await createTestApp();
      // TSHIRT-BLK-M on hand: LOC_MEL_STORE 5, LOC_SYD_STORE 38, LOC_MEL_DC 29 (seeds/default.json).
      const r = await search(t, { vc: 'BASE:1', pq: [{ productRef: 'TSHIRT-BLK-M', quantity: 6 }] });
      expect(refs(r)).toEqual(['LOC_SYD_STORE', 'LOC_MEL_DC']);
      expect(r.searchVirtualInventory.edges[0]!.node.virtualPositions).toEqual([{ productRef: 'TSHIRT-BLK-M', quantity: 38, groupRef: 'LOC_SYD_STORE' }]);
    });

    it('needs every requested product at the same location', async () => {
      const t = await createTestApp();
      // HOODIE-GRY-M on hand: MEL_STORE 29, SYD_STORE 6, MEL_DC 5.
      const r = await search(t, {
        vc: 'BASE:1',
        pq: [
          { productRef: 'TSHIRT-BLK-M', quantity: 6 },
          { productRef: 'HOODIE-GRY-M', quantity: 6 },
        ],
      });
      expect(refs(r)).toEqual(['LOC_SYD_STORE']);
      expect(r.searchVirtualInventory.edges[0]!.node.virtualPositions.map((p) => `${p.productRef}=${p.quantity}`).sort()).toEqual([
        'HOODIE-GRY-M=6',
        'TSHIRT-BLK-M=38',
      ]);
    });

    it('orders by distance from orderByProximity, skips excluded locations and honours first', async () => {
      const t = await createTestApp();
      const pq = [{ productRef: 'TSHIRT-BLK-M', quantity: 5 }];
      // Dandenong (LOC_MEL_DC) lies south-east of Melbourne's CBD: nearer Sydney, farther from the CBD.
      expect(refs(await search(t, { vc: 'BASE:1', pq, near: SYDNEY }))).toEqual(['LOC_SYD_STORE', 'LOC_MEL_DC', 'LOC_MEL_STORE']);
      expect(refs(await search(t, { vc: 'BASE:1', pq, near: MELBOURNE }))).toEqual(['LOC_MEL_STORE', 'LOC_MEL_DC', 'LOC_SYD_STORE']);
      expect(refs(await search(t, { vc: 'BASE:1', pq, near: MELBOURNE, excluded: ['LOC_MEL_STORE'] }))).toEqual(['LOC_MEL_DC', 'LOC_SYD_STORE']);
      const first = await search(t, { vc: 'BASE:1', pq, near: MELBOURNE, first: 1 });
      expect(refs(first)).toEqual(['LOC_MEL_STORE']);
      expect(first.searchVirtualInventory.pageInfo.hasNextPage).toBe(true);
    });

    it('returns no location when none has enough stock', async () => {
      const t = await createTestApp();
      expect(refs(await search(t, { vc: 'BASE:1', pq: [{ productRef: 'TSHIRT-BLK-M', quantity: 39 }] }))).toEqual([]);
    });
  });

  describe('over stored virtual positions', () => {
    async function catalogueWithPositions(t: TestApp): Promise<void> {
      await ok(
        t,
        `mutation { createVirtualCatalogue(input: {ref: "VC:TEST", type: "BASE", name: "Test", inventoryCatalogueRef: "DEFAULT:1", productCatalogueRef: "PC:MASTER:1"}) { id } }`,
      );
      const positions = [
        { ref: 'RUNNER-42:LOC_MEL_STORE', groupRef: 'LOC_MEL_STORE', quantity: 3 },
        { ref: 'RUNNER-42:LOC_SYD_STORE', groupRef: 'LOC_SYD_STORE', quantity: 10 },
        { ref: 'RUNNER-42:LOC_MEL_DC', groupRef: 'LOC_MEL_DC', quantity: 2 },
        { ref: 'RUNNER-42:FOOTWEAR', groupRef: 'FOOTWEAR', quantity: 100 },
      ];
      for (const p of positions) {
        await ok(t, `mutation($input: CreateVirtualPositionInput) { createVirtualPosition(input: $input) { id } }`, {
          input: { ...p, catalogue: { ref: 'VC:TEST' }, type: 'BASE', productRef: 'RUNNER-42' },
        });
      }
    }

    it('reads quantity and groupRef of the positions, ignoring groups that are not locations', async () => {
      const t = await createTestApp();
      await catalogueWithPositions(t);
      const r = await search(t, { vc: 'VC:TEST', pq: [{ productRef: 'RUNNER-42', quantity: 3 }], near: SYDNEY });
      expect(refs(r)).toEqual(['LOC_SYD_STORE', 'LOC_MEL_STORE']);
      expect(r.searchVirtualInventory.edges.map((e) => e.node.virtualPositions[0]!.quantity)).toEqual([10, 3]);
    });

    it('narrows the positions by virtualPosition.status', async () => {
      const t = await createTestApp();
      await catalogueWithPositions(t);
      await ok(t, `mutation { updateVirtualPosition(input: {ref: "RUNNER-42:LOC_MEL_STORE", catalogue: {ref: "VC:TEST"}, status: "ACTIVE"}) { id } }`);
      const r = await search(t, { vc: 'VC:TEST', pq: [{ productRef: 'RUNNER-42', quantity: 1 }], status: 'ACTIVE' });
      expect(refs(r)).toEqual(['LOC_MEL_STORE']);
    });
  });

  it('answers C0120E for an unknown virtual catalogue', async () => {
    const t = await createTestApp();
    const res = await t.gql(SEARCH, { vc: 'NOPE', pq: [{ productRef: 'TSHIRT-BLK-M', quantity: 1 }] });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    expect(res.errors?.[0]?.message).toContain('NOPE');
  });
});
