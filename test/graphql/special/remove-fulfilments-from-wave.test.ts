import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createFulfilment, createOrder, ok, seededLocation } from './fixtures.js';

type Wave = { waveById: { fulfilments: { edges: { node: { ref: string } }[] }; items: { edges: { node: { product: { ref: string }; quantity: number } }[] } } };
const WAVE = `query($id: ID!) { waveById(id: $id) { fulfilments { edges { node { ref } } } items { edges { node { product { ref } quantity } } } } }`;

/** A wave at LOC_MEL_STORE picking two fulfilments: 2 and 3 × TSHIRT-BLK-M. */
async function waveOfTwo(t: TestApp): Promise<{ waveId: string; fulfilmentIds: string[] }> {
  const f1 = await createFulfilment(t, 'F-1', await createOrder(t, 'O-1', 'LOC_SYD_STORE', 2), 'LOC_MEL_STORE', 2);
  const f2 = await createFulfilment(t, 'F-2', await createOrder(t, 'O-2', 'LOC_SYD_STORE', 3), 'LOC_MEL_STORE', 3);
  const location = await seededLocation(t, 'LOC_MEL_STORE');
  const data = await ok<{ createWave: { id: string } }>(t, `mutation($input: CreateWaveInput) { createWave(input: $input) { id } }`, {
    input: { ref: 'WAVE-1', type: 'DEFAULT', retailer: { id: '1' }, location: { id: location.id }, fulfilments: [{ id: f1 }, { id: f2 }] },
  });
  return { waveId: data.createWave.id, fulfilmentIds: [f1, f2] };
}

describe('Mutation.removeFulfilmentsFromWave', () => {
  it('takes the fulfilments out of the wave and its items', async () => {
    const t = await createTestApp();
    const { waveId, fulfilmentIds } = await waveOfTwo(t);
    const before = await ok<Wave>(t, WAVE, { id: waveId });
    expect(before.waveById.items.edges.map((e) => e.node)).toEqual([{ product: { ref: 'TSHIRT-BLK-M' }, quantity: 5 }]);
    const data = await ok<{ removeFulfilmentsFromWave: { status: string } }>(
      t,
      `mutation($w: ID, $f: ID) { removeFulfilmentsFromWave(input: {wave: {id: $w}, fulfilments: [{id: $f}]}) { status } }`,
      { w: waveId, f: fulfilmentIds[0] },
    );
    expect(data.removeFulfilmentsFromWave.status).toBe('SUCCESS');
    const after = await ok<Wave>(t, WAVE, { id: waveId });
    expect(after.waveById.fulfilments.edges.map((e) => e.node.ref)).toEqual(['F-2']);
    expect(after.waveById.items.edges.map((e) => e.node)).toEqual([{ product: { ref: 'TSHIRT-BLK-M' }, quantity: 3 }]);
    const waves = await ok<{ fulfilmentById: { waves: { edges: unknown[] } } }>(
      t,
      `query($id: ID!) { fulfilmentById(id: $id) { waves { edges { node { ref } } } } }`,
      { id: fulfilmentIds[0] },
    );
    expect(waves.fulfilmentById.waves.edges).toEqual([]);
  });

  it('answers C0120E for an unknown fulfilment and changes nothing', async () => {
    const t = await createTestApp();
    const { waveId, fulfilmentIds } = await waveOfTwo(t);
    const res = await t.gql(
      `mutation($w: ID, $f: ID) { removeFulfilmentsFromWave(input: {wave: {id: $w}, fulfilments: [{id: $f}, {id: "999"}]}) { status } }`,
      { w: waveId, f: fulfilmentIds[0] },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    expect((await ok<Wave>(t, WAVE, { id: waveId })).waveById.fulfilments.edges).toHaveLength(2);
  });
});

describe('Wave.items', () => {
  it('filters by quantity and pages', async () => {
    const t = await createTestApp();
    const { waveId } = await waveOfTwo(t);
    const data = await ok<{ waveById: { five: { edges: unknown[] }; six: { edges: unknown[] } } }>(
      t,
      `query($id: ID!) { waveById(id: $id) { five: items(quantity: [5], first: 1) { edges { cursor } } six: items(quantity: [6]) { edges { cursor } } } }`,
      { id: waveId },
    );
    expect(data.waveById.five.edges).toHaveLength(1);
    expect(data.waveById.six.edges).toHaveLength(0);
  });
});

describe('Query.waveItems', () => {
  it('lists the items of every wave, filtered by quantity', async () => {
    const t = await createTestApp();
    await waveOfTwo(t);
    const data = await ok<{ all: { edges: { node: { product: { ref: string }; quantity: number } }[] }; six: { edges: unknown[] } }>(
      t,
      `{ all: waveItems(quantity: [5]) { edges { node { product { ref } quantity } } } six: waveItems(quantity: [6]) { edges { cursor } } }`,
    );
    expect(data.all.edges.map((e) => e.node)).toEqual([{ product: { ref: 'TSHIRT-BLK-M' }, quantity: 5 }]);
    expect(data.six.edges).toEqual([]);
  });
});

describe('Wave.processingLocation', () => {
  it('is the location of the wave', async () => {
    const t = await createTestApp();
    const { waveId } = await waveOfTwo(t);
    const data = await ok<{ waveById: { processingLocation: { ref: string } } }>(t, `query($id: ID!) { waveById(id: $id) { processingLocation { ref } } }`, {
      id: waveId,
    });
    expect(data.waveById.processingLocation).toEqual({ ref: 'LOC_MEL_STORE' });
  });
});
