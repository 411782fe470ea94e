import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createOrder, nodes, packed, storeIntegration } from './store-waves-support.js';

/**
 * LOCATION::STORE store waves (workflow-contracts.md §7) through the Event and GraphQL APIs:
 * which fulfilments a wave takes and in which order, how a pick is allocated to them (soonest
 * expiry first), what a short pick does to the fulfilment and to the stock (§6.1, §2.3), and the
 * required attributes that fail the event, naming the attribute.
 */
type Quantity = { type: string; quantity: number; status: string };

let t: TestApp;
let store: ReturnType<typeof storeIntegration>;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(async () => {
  await t.reset();
  store = storeIntegration(t);
  await store.activateStore('LOC_MEL_STORE');
});

/** Orders of 7 × RUNNER-42 (only LOC_MEL_STORE has that many), with their fulfilments' ids. */
async function ordersAtStore(...refs: string[]): Promise<string[]> {
  for (const ref of refs) await createOrder(t, ref, { productRef: 'RUNNER-42', quantity: 7 });
  await store.engine.drain();
  return Promise.all(refs.map(async (ref) => nodes((await store.order(ref)).fulfilments)[0]!.id));
}

async function setExpiry(fulfilmentId: string, expiryTime: string): Promise<void> {
  const updated = await t.gql('mutation($input: UpdateFulfilmentInput) { updateFulfilment(input: $input) { id } }', {
    input: { id: fulfilmentId, expiryTime },
  });
  expect(updated.errors).toBeUndefined();
}

// The order's first fulfilment: a short pick re-sources the rest as `<ref>-F2` (workflow-contracts.md §6.1).
const statusOf = async (orderRef: string) => nodes((await store.order(orderRef)).fulfilments).find((f) => f.ref === `${orderRef}-F1`)!;
const waveOf = async (orderRef: string) => nodes((await statusOf(orderRef)).waves)[0];

async function position() {
  const read = await t.gql<{ inventoryPosition: { onHand: number; quantities: { edges: { node: Quantity }[] } } }>(
    '{ inventoryPosition(ref: "RUNNER-42:LOC_MEL_STORE", catalogue: { ref: "DEFAULT:1" }) { onHand quantities { edges { node { type quantity status } } } } }',
  );
  const p = read.data.inventoryPosition;
  const active = nodes(p.quantities)
    .filter((q) => q.status === 'ACTIVE')
    .map((q) => `${q.type} ${q.quantity}`)
    .sort();
  return { onHand: p.onHand, active };
}

describe('CreateWaveByExpiry', () => {
  it('takes up to maxCount AWAITING_WAVE fulfilments of the store, soonest expiry first (createdOn without one), and sends them WaveCreate', async () => {
    const [f1, f2] = await ordersAtStore('W-1', 'W-2', 'W-3');
    // W-3 has no expiryTime: its createdOn (09:00, the test clock) comes before W-2's 10:00 and W-1's 12:00.
    await setExpiry(f1!, '2026-01-15T12:00:00.000Z');
    await setExpiry(f2!, '2026-01-15T10:00:00.000Z');

    expect((await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 2 })).body.eventStatus).toBe('COMPLETE');
    expect((await statusOf('W-3')).status).toBe('ASSIGNED');
    expect((await statusOf('W-2')).status).toBe('ASSIGNED');
    expect((await statusOf('W-1')).status).toBe('AWAITING_WAVE');
    expect(await waveOf('W-3')).toMatchObject({ ref: 'LOC_MEL_STORE-W1', status: 'IN_PROGRESS' });
    expect((await waveOf('W-2'))?.ref).toBe('LOC_MEL_STORE-W1');

    // The next wave takes what is left; fulfilments already in a wave are not taken again.
    await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: '5' });
    expect((await waveOf('W-1'))?.ref).toBe('LOC_MEL_STORE-W2');
    expect(nodes((await statusOf('W-2')).waves)).toHaveLength(1);
  });

  it('takes the statuses of the AWAITING_WAVE_STATUSES setting', async () => {
    await ordersAtStore('W-4');
    const setting = await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
      input: { name: 'AWAITING_WAVE_STATUSES', valueType: 'STRING', value: 'PROCESSING', context: 'RETAILER', contextId: 1 },
    });
    expect(setting.errors).toBeUndefined();
    await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 5 });
    expect(await statusOf('W-4')).toMatchObject({ status: 'AWAITING_WAVE', waves: { edges: [] } });
  });

  it('allocates the wave to the user that userName names; an unknown userName is kept as a wave attribute', async () => {
    await ordersAtStore('W-5', 'W-6');
    const user = await t.gql('mutation($input: CreateUserInput) { createUser(input: $input) { id } }', {
      input: { ref: 'picker.mel', username: 'picker.mel', password: 'S3cret!', primaryEmail: 'picker@retail.example', type: 'STORE', timezone: 'UTC' },
    });
    expect(user.errors).toBeUndefined();
    const waveQuery = '{ waves(first: 10) { edges { node { ref allocatedTo { username } attributes { name value } } } } }';
    type WaveRead = { ref: string; allocatedTo: { username: string } | null; attributes: { name: string; value: unknown }[] | null };

    await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 1, userName: 'picker.mel' });
    await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 1, userName: 'nobody' });
    const waves = nodes((await t.gql<{ waves: { edges: { node: WaveRead }[] } }>(waveQuery)).data.waves).sort((a, b) => a.ref.localeCompare(b.ref));
    expect(waves).toEqual([
      { ref: 'LOC_MEL_STORE-W1', allocatedTo: { username: 'picker.mel' }, attributes: null },
      { ref: 'LOC_MEL_STORE-W2', allocatedTo: null, attributes: [{ name: 'userName', value: 'nobody' }] },
    ]);
  });
});

describe('CreateWaveByUserSelection', () => {
  it('waves the chosen fulfilments, skipping those already in a wave; an id that is not a fulfilment of the store fails the event', async () => {
    const [f1, f2] = await ordersAtStore('U-1', 'U-2');
    await store.createWaveByUserSelection('LOC_MEL_STORE', { fulfilmentIds: [f1] });
    expect((await waveOf('U-1'))?.ref).toBe('LOC_MEL_STORE-W1');

    expect((await store.createWaveByUserSelection('LOC_MEL_STORE', { fulfilmentIds: [f1, f2] })).body.eventStatus).toBe('COMPLETE');
    expect((await waveOf('U-2'))?.ref).toBe('LOC_MEL_STORE-W2');
    expect(nodes((await statusOf('U-1')).waves)).toHaveLength(1);

    const foreign = await store.createWaveByUserSelection('LOC_MEL_STORE', { fulfilmentIds: ['999'] });
    expect(foreign).toMatchObject({ status: 400, body: { eventStatus: 'FAILED', errorMessage: expect.stringContaining('"999"') } });
  });
});

describe('PickConfirm', () => {
  it('allocates the picked quantity to the fulfilment expiring first; the other is short-picked', async () => {
    const [f1, f2] = await ordersAtStore('P-1', 'P-2');
    await setExpiry(f1!, '2026-01-15T15:00:00.000Z');
    await setExpiry(f2!, '2026-01-15T11:00:00.000Z');
    await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 10 });
    const wave = (await waveOf('P-1'))!;

    expect((await store.pickConfirm('LOC_MEL_STORE', wave, [['RUNNER-42', 10]])).body.eventStatus).toBe('COMPLETE');
    expect(await statusOf('P-2')).toMatchObject({ status: 'FULFILLED', items: { edges: [{ node: { filledQuantity: 7, rejectedQuantity: 0 } }] } });
    expect(await statusOf('P-1')).toMatchObject({ status: 'PARTIALLY_FULFILLED', items: { edges: [{ node: { filledQuantity: 3, rejectedQuantity: 4 } }] } });
    expect((await waveOf('P-1'))?.status).toBe('PICKED');
  });

  it('turns a short pick into PARTIALLY_FULFILLED: the picked quantity a SALE, the rest a CORRECTION, onHand as reserved', async () => {
    expect(await position()).toEqual({ onHand: 38, active: ['LAST_ON_HAND 38'] });
    await ordersAtStore('S-1');
    expect(await position()).toEqual({ onHand: 31, active: ['LAST_ON_HAND 38', 'RESERVED -7'] });
    await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 1 });

    await store.pickConfirm('LOC_MEL_STORE', (await waveOf('S-1'))!, [['RUNNER-42', 4]]);
    expect(await statusOf('S-1')).toMatchObject({
      status: 'PARTIALLY_FULFILLED',
      items: { edges: [{ node: { requestedQuantity: 7, filledQuantity: 4, rejectedQuantity: 3 } }] },
    });
    expect(await position()).toEqual({ onHand: 31, active: ['CORRECTION -3', 'LAST_ON_HAND 38', 'SALE -4'] });

    // The part that was picked still ships.
    const fulfilment = await statusOf('S-1');
    await store.dispatch('LOC_MEL_STORE', (await waveOf('S-1'))!, { [fulfilment.id]: [packed()] });
    expect((await statusOf('S-1')).status).toBe('AWAITING_COURIER_COLLECTION');
  });

  it('rejects a fulfilment nothing was picked for', async () => {
    await ordersAtStore('R-1');
    await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 1 });
    await store.pickConfirm('LOC_MEL_STORE', (await waveOf('R-1'))!, [['RUNNER-42', 0]], true);
    expect(await statusOf('R-1')).toMatchObject({ status: 'REJECTED', items: { edges: [{ node: { filledQuantity: 0, rejectedQuantity: 7 } }] } });
    expect((await waveOf('R-1'))?.status).toBe('COMPLETE');
    expect(await position()).toEqual({ onHand: 31, active: ['CORRECTION -7', 'LAST_ON_HAND 38'] });
  });
});

describe('required attributes', () => {
  const failed = (reply: { status: number; body: { eventStatus: string; errorMessage?: string } }, text: string) =>
    expect(reply).toMatchObject({ status: 400, body: { eventStatus: 'FAILED', errorMessage: expect.stringContaining(text) } });

  it('fail the event, naming the attribute, and change nothing', async () => {
    await ordersAtStore('A-1');
    failed(await store.createWaveByExpiry('LOC_MEL_STORE', {}), '"maxCount"');
    failed(await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 0 }), '"maxCount"');
    failed(await store.createWaveByUserSelection('LOC_MEL_STORE', {}), '"fulfilmentIds"');
    expect((await statusOf('A-1')).status).toBe('AWAITING_WAVE');

    await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 1 });
    const wave = (await waveOf('A-1'))!;
    const onWave = (name: string, attributes: Record<string, unknown>) =>
      store.event({
        name,
        entityType: 'WAVE',
        entitySubtype: 'STORE',
        entityId: wave.id,
        rootEntityType: 'LOCATION',
        rootEntityRef: 'LOC_MEL_STORE',
        attributes,
      });
    failed(await onWave('PickConfirm', {}), '"pickedItems"');
    failed(await onWave('PickConfirm', { pickedItems: [] }), '"pickedItems"');
    failed(await onWave('PickConfirm', { pickedItems: [{ productRef: 'RUNNER-42', availableQty: 1 }] }), '"pickedItems[0].catalogueRef"');
    failed(
      await onWave('PickConfirmAndWaveComplete', { pickedItems: [{ productRef: 'RUNNER-42', availableQty: -1, catalogueRef: 'PC:MASTER:1' }] }),
      'negative',
    );
    failed(await onWave('PickConfirm', { pickedItems: [{ productRef: ' ', availableQty: 1, catalogueRef: 'PC:MASTER:1' }] }), 'productRef is empty or blank');
    expect(await statusOf('A-1')).toMatchObject({ status: 'ASSIGNED', items: { edges: [{ node: { filledQuantity: 0, rejectedQuantity: 0 } }] } });

    await store.pickConfirm('LOC_MEL_STORE', wave, [['RUNNER-42', 7]]);
    failed(await onWave('WaveDispatch', {}), '"allFulfilmentArticles"');
    failed(await onWave('WaveDispatch', { allFulfilmentArticles: { [(await statusOf('A-1')).id]: [{ packaging_name: 'Box' }] } }), '"allFulfilmentArticles');
    expect(await statusOf('A-1')).toMatchObject({ status: 'FULFILLED', articles: { edges: [] } });
  });
});
