import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { createOrder, nodes, packed, storeIntegration } from './store-waves-support.js';

/**
 * An HD and a CC order go from `createOrder` to COMPLETE with only the events a store and its
 * carrier send (workflow-contracts.md §5.2, §5.3, §6.1, §7, §8): the store creates a wave, confirms
 * the pick, packs and dispatches, and marks the parcels as collected (by the courier, or by the
 * customer at the store). The order and fulfilment status webhooks arrive at a real receiver.
 * The only set-up event is ActivateLocation: seeded locations start CREATED and waves are taken
 * at an ACTIVE store (§7).
 */
type Hook = { name: string; entityType: string; entityRef: string; entityStatus: string };

let t: TestApp;
let receiver: WebhookReceiver;
beforeAll(async () => {
  t = await createTestApp();
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  await t.reset();
  for (const [name, hook] of [
    ['webhook.order.status', 'OrderStatus'],
    ['webhook.fulfilment.status', 'FulfilmentStatus'],
  ] as const) {
    const setting = await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
      input: { name, valueType: 'JSON', lobValue: { name: hook, url: receiver.url }, context: 'RETAILER', contextId: 1 },
    });
    expect(setting.errors).toBeUndefined();
  }
});

/** The statuses the webhooks reported for `entityRef`, in the order they arrived, once `count` have. */
async function hooksFor(entityRef: string, count: number): Promise<string[]> {
  const received = () => receiver.requests.map((r) => r.body.toString('utf8')).filter((body) => (JSON.parse(body) as Hook).entityRef === entityRef);
  await expect.poll(() => received().length).toBeGreaterThanOrEqual(count);
  // Deliveries go out concurrently and may arrive in any order: the statuses of those received,
  // in the order the workflow raised them (the outbox, oldest first).
  const got = new Set(received());
  return t.sim.accounts
    .get('LOCAL')!
    .webhooks!.list({ entityRef })
    .filter((d) => got.has(d.body))
    .map((d) => (JSON.parse(d.body) as Hook).entityStatus);
}

describe('HD order to COMPLETE through a store wave', () => {
  it('is picked, packed, dispatched and collected by the courier; the order and fulfilment webhooks follow each step', async () => {
    const store = storeIntegration(t);
    await store.activateStore('LOC_MEL_STORE');
    // 7 × RUNNER-42: only the Melbourne store holds that many (the DC has 6).
    await createOrder(t, 'HD-OC-1', { productRef: 'RUNNER-42', quantity: 7 });
    await store.engine.drain();
    const [booked] = nodes((await store.order('HD-OC-1')).fulfilments);
    expect(booked).toMatchObject({ ref: 'HD-OC-1-F1', status: 'AWAITING_WAVE' });

    expect((await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 10, userName: 'store.user' })).body.eventStatus).toBe('COMPLETE');
    const [wave] = nodes((await store.order('HD-OC-1')).fulfilments.edges[0]!.node.waves);
    expect(wave).toMatchObject({ ref: 'LOC_MEL_STORE-W1', status: 'IN_PROGRESS' });
    expect((await store.order('HD-OC-1')).status).toBe('PICK_PACK');

    expect((await store.pickConfirm('LOC_MEL_STORE', wave!, [['RUNNER-42', 7]])).body.eventStatus).toBe('COMPLETE');
    const picked = nodes((await store.order('HD-OC-1')).fulfilments)[0]!;
    expect(picked.status).toBe('FULFILLED');
    expect(nodes(picked.items)).toEqual([{ requestedQuantity: 7, filledQuantity: 7, rejectedQuantity: 0 }]);

    const dispatched = await store.dispatch('LOC_MEL_STORE', wave!, { [picked.id]: [packed('Shoe box')] });
    expect(dispatched.body.eventStatus).toBe('COMPLETE');
    const awaiting = await store.order('HD-OC-1');
    expect(awaiting.status).toBe('AWAITING_COURIER_COLLECTION');
    const fulfilment = nodes(awaiting.fulfilments)[0]!;
    expect(fulfilment.status).toBe('AWAITING_COURIER_COLLECTION');
    expect(nodes(fulfilment.waves)[0]!.status).toBe('COMPLETE');
    const [article] = nodes(fulfilment.articles);
    expect(article).toMatchObject({ ref: 'HD-OC-1-F1-A1', status: 'AWAITING_COURIER_COLLECTION', name: 'Shoe box', length: 30, weight: 1.5 });
    expect(nodes(article!.consignmentArticles)[0]!.consignment).toEqual({
      ref: 'HD-OC-1-F1-C1',
      status: 'ACTIVE_LODGED',
      labelUrl: 'https://labels.example.com/demo-label.pdf',
      carrier: { ref: 'AUSPOST' },
    });

    expect((await store.articleCollected('HD-OC-1', article!)).body.eventStatus).toBe('COMPLETE');
    const complete = await store.order('HD-OC-1');
    expect(complete.status).toBe('COMPLETE');
    expect(nodes(complete.fulfilments)[0]).toMatchObject({ status: 'COMPLETE' });
    expect(nodes(nodes(complete.fulfilments)[0]!.articles)[0]!.status).toBe('COLLECTED');

    expect(await hooksFor('HD-OC-1', 4)).toEqual(['BOOKED', 'PICK_PACK', 'AWAITING_COURIER_COLLECTION', 'COMPLETE']);
    expect(await hooksFor('HD-OC-1-F1', 5)).toEqual(['AWAITING_WAVE', 'ASSIGNED', 'FULFILLED', 'AWAITING_COURIER_COLLECTION', 'COMPLETE']);
  });
});

describe('CC order to COMPLETE, collected at the store', () => {
  it('is waved by user selection, picked with the wave completed, packed for collection and collected by the customer', async () => {
    const store = storeIntegration(t);
    await store.activateStore('LOC_MEL_STORE');
    await createOrder(t, 'CC-OC-1', { productRef: 'RUNNER-42', quantity: 2 }, 'LOC_MEL_STORE');
    await store.engine.drain();
    const [fulfilment] = nodes((await store.order('CC-OC-1')).fulfilments);
    expect(fulfilment).toMatchObject({ ref: 'CC-OC-1-F1', status: 'AWAITING_WAVE' });

    expect((await store.createWaveByUserSelection('LOC_MEL_STORE', { fulfilmentIds: [Number(fulfilment!.id)], waveName: 'Morning' })).body.eventStatus).toBe(
      'COMPLETE',
    );
    const [wave] = nodes((await store.order('CC-OC-1')).fulfilments.edges[0]!.node.waves);
    expect((await store.pickConfirm('LOC_MEL_STORE', wave!, [['RUNNER-42', 2]], true)).body.eventStatus).toBe('COMPLETE');
    const picked = nodes((await store.order('CC-OC-1')).fulfilments)[0]!;
    expect(picked.status).toBe('FULFILLED');
    expect(nodes(picked.waves)[0]!.status).toBe('COMPLETE');

    expect((await store.dispatch('LOC_MEL_STORE', wave!, { [picked.id]: [packed('Bag')] })).body.eventStatus).toBe('COMPLETE');
    const ready = await store.order('CC-OC-1');
    expect(ready.status).toBe('AWAITING_COLLECTION');
    const [article] = nodes(nodes(ready.fulfilments)[0]!.articles);
    expect(article).toMatchObject({ status: 'AWAITING_COLLECTION', name: 'Bag' });
    expect(nodes(article!.consignmentArticles)).toEqual([]);

    expect((await store.articleCollected('CC-OC-1', article!)).body.eventStatus).toBe('COMPLETE');
    const complete = await store.order('CC-OC-1');
    expect(complete.status).toBe('COMPLETE');
    expect(nodes(complete.fulfilments)[0]!.status).toBe('COMPLETE');

    expect(await hooksFor('CC-OC-1', 4)).toEqual(['BOOKED', 'PICK_PACK', 'AWAITING_COLLECTION', 'COMPLETE']);
    expect(await hooksFor('CC-OC-1-F1', 5)).toEqual(['AWAITING_WAVE', 'ASSIGNED', 'FULFILLED', 'AWAITING_COLLECTION', 'COMPLETE']);
  });
});
