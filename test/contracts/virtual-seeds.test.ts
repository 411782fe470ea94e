import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

/**
 * The seeds activate their BASE virtual catalogue before the inventory, so the inventory workflow
 * (each position's CREATE → VirtualCatalogueEvent) derives its virtual positions; and
 * searchVirtualInventory reads stored virtual positions only (no fallback).
 */
type Counted = { virtualCatalogue: { status: string }; virtualPositions: { edges: { node: { ref: string; quantity: number } }[] } };
type Positions = { inventoryPositions: { edges: { node: { ref: string; onHand: number; locationRef: string } }[] } };

describe.each(['default', 'demo'])('the %s seed', (seed) => {
  it('has an ACTIVE BASE:1 whose virtual positions are derived from its inventory', async () => {
    const t = await createTestApp({ seed });
    const counted = await t.gql<Counted>(
      '{ virtualCatalogue(ref: "BASE:1") { status } virtualPositions(catalogue: { ref: "BASE:1" }, first: 5000) { edges { node { ref quantity } } } }',
    );
    expect(counted.errors).toBeUndefined();
    expect(counted.data.virtualCatalogue.status).toBe('ACTIVE');
    const stored = new Map(counted.data.virtualPositions.edges.map((e) => [e.node.ref, e.node.quantity]));
    const positions = (
      await t.gql<Positions>('{ inventoryPositions(catalogue: { ref: "DEFAULT:1" }, first: 5000) { edges { node { ref onHand locationRef } } } }')
    ).data.inventoryPositions.edges.map((e) => e.node);
    expect(positions.length).toBeGreaterThan(0);
    // Every position of the catalogue (the default BASE:1 names no network; the profiles' BASE network holds every location).
    expect(stored.size).toBe(positions.length);
    for (const p of positions) expect(stored.get(p.ref), p.ref).toBe(Math.max(0, p.onHand));

    const [first] = positions.filter((p) => p.onHand > 0);
    const productRef = first!.ref.slice(0, first!.ref.lastIndexOf(`:${first!.locationRef}`));
    const search = await t.gql<{ searchVirtualInventory: { edges: { node: { location: { ref: string } } }[] } }>(
      'query($product: String!) { searchVirtualInventory(virtualCatalogue: { ref: "BASE:1" }, productQuantities: [{ productRef: $product, quantity: 1 }]) { edges { node { location { ref } } } } }',
      { product: productRef },
    );
    expect(search.errors).toBeUndefined();
    expect(search.data.searchVirtualInventory.edges.map((e) => e.node.location.ref)).toContain(first!.locationRef);
  }, 120_000); // the demo profile loads through the workflows: seconds on a quiet machine, more on a shared one
});

describe('searchVirtualInventory without stored virtual positions', () => {
  it('answers empty for a catalogue that was never activated: nothing is derived on the fly', async () => {
    const t = await createTestApp();
    await t.gql(
      'mutation { createVirtualCatalogue(input: { ref: "VC:IDLE", type: "BASE", name: "Idle", inventoryCatalogueRef: "DEFAULT:1", productCatalogueRef: "PC:MASTER:1" }) { id } }',
    );
    const search = await t.gql<{ searchVirtualInventory: { edges: unknown[] } }>(
      '{ searchVirtualInventory(virtualCatalogue: { ref: "VC:IDLE" }, productQuantities: [{ productRef: "RUNNER-42", quantity: 1 }]) { edges { node { location { ref } } } } }',
    );
    expect(search.errors).toBeUndefined();
    expect(search.data.searchVirtualInventory.edges).toEqual([]);
  });
});
