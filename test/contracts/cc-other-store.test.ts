import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createOrder, nodes, packed, storeIntegration } from './store-waves-support.js';

/**
 * Click & collect at another store than the one that picks (workflow-contracts.md §5.3, §7, §8),
 * through the Event and GraphQL APIs: the Melbourne store picks and packs, books the courier
 * (ShipToPickupLocation: fulfilment AWAITING_ARRIVAL, articles AWAITING_ARRIVAL, a consignment with
 * the demo carrier); the courier picks the consignment up (ConsignmentPickedUp → ACTIVE_SENT,
 * [inferred] name); the Sydney store scans each parcel in (ARTICLE_ARRIVED with storageAreaRef →
 * AWAITING_COLLECTION); when all arrived the fulfilment and order wait for the customer, who
 * collects (ARTICLE_COLLECTED) and the order completes.
 *
 * The branch reads the fulfilment attribute FULFILMENTTYPE that AddFulfilmentTypeAttributeToFulfilment
 * writes at fulfilment creation (CC_PFS picked elsewhere, CC_PFCP at the pickup store).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.reset());

/** 35 × RUNNER-42 for collection in Sydney: only the Melbourne store holds that many (Sydney 29). */
async function shippedToSydney(parcels: number) {
  const store = storeIntegration(t);
  await store.activateStore('LOC_MEL_STORE');
  await createOrder(t, 'CC-OS-1', { productRef: 'RUNNER-42', quantity: 35 }, 'LOC_SYD_STORE');
  await store.engine.drain();
  const [fulfilment] = nodes((await store.order('CC-OS-1')).fulfilments);
  expect(fulfilment).toMatchObject({ ref: 'CC-OS-1-F1', status: 'AWAITING_WAVE' });
  const typed = await t.gql<{ fulfilment: { attributes: { name: string; value: unknown }[] } }>(
    'query($id: ID!) { fulfilment(id: $id) { attributes { name value } } }',
    { id: fulfilment!.id },
  );
  expect(typed.data.fulfilment.attributes).toContainEqual({ name: 'FULFILMENTTYPE', value: 'CC_PFS' });

  expect((await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 10 })).body.eventStatus).toBe('COMPLETE');
  const [wave] = nodes(nodes((await store.order('CC-OS-1')).fulfilments)[0]!.waves);
  expect((await store.pickConfirm('LOC_MEL_STORE', wave!, [['RUNNER-42', 35]])).body.eventStatus).toBe('COMPLETE');
  const boxes = Array.from({ length: parcels }, (_, i) => packed(`Box ${i + 1}`));
  expect((await store.dispatch('LOC_MEL_STORE', wave!, { [fulfilment!.id]: boxes })).body.eventStatus).toBe('COMPLETE');
  return store;
}

type Store = Awaited<ReturnType<typeof shippedToSydney>>;
const onArticle = (store: Store, name: string, article: { id: string; ref: string }, attributes: Record<string, unknown> = {}) =>
  store.event({ name, entityType: 'ARTICLE', entityId: article.id, entityRef: article.ref, rootEntityType: 'ORDER', rootEntityRef: 'CC-OS-1', attributes });
const articlesOf = async (store: Store) =>
  [...nodes(nodes((await store.order('CC-OS-1')).fulfilments)[0]!.articles)].sort((a, b) => a.ref.localeCompare(b.ref));

describe('CC collected at another store than the one that picked', () => {
  it('ships the parcels by courier, scans them in at the pickup store, and completes when the customer collects', async () => {
    const store = await shippedToSydney(2);
    let order = await store.order('CC-OS-1');
    expect([order.status, nodes(order.fulfilments)[0]!.status]).toEqual(['PICK_PACK', 'AWAITING_ARRIVAL']);
    const articles = await articlesOf(store);
    expect(articles.map((a) => [a.ref, a.status, nodes(a.consignmentArticles)[0]?.consignment])).toEqual([
      [
        'CC-OS-1-F1-A1',
        'AWAITING_ARRIVAL',
        { ref: 'CC-OS-1-F1-C1', status: 'ACTIVE_LODGED', labelUrl: 'https://labels.example.com/demo-label.pdf', carrier: { ref: 'AUSPOST' } },
      ],
      [
        'CC-OS-1-F1-A2',
        'AWAITING_ARRIVAL',
        { ref: 'CC-OS-1-F1-C1', status: 'ACTIVE_LODGED', labelUrl: 'https://labels.example.com/demo-label.pdf', carrier: { ref: 'AUSPOST' } },
      ],
    ]);

    const pickedUp = await store.event({
      name: 'ConsignmentPickedUp',
      entityType: 'CONSIGNMENT',
      entityRef: 'CC-OS-1-F1-C1',
      rootEntityType: 'ORDER',
      rootEntityRef: 'CC-OS-1',
    });
    expect(pickedUp.body.eventStatus).toBe('COMPLETE');
    expect((await articlesOf(store)).map((a) => [a.status, nodes(a.consignmentArticles)[0]!.consignment.status])).toEqual([
      ['AWAITING_ARRIVAL', 'ACTIVE_SENT'],
      ['AWAITING_ARRIVAL', 'ACTIVE_SENT'],
    ]);

    expect((await onArticle(store, 'ARTICLE_ARRIVED', articles[0]!, { storageAreaRef: 'SHELF-A' })).body.eventStatus).toBe('COMPLETE');
    order = await store.order('CC-OS-1');
    expect([order.status, nodes(order.fulfilments)[0]!.status, (await articlesOf(store)).map((a) => a.status)]).toEqual([
      'PICK_PACK',
      'AWAITING_ARRIVAL',
      ['AWAITING_COLLECTION', 'AWAITING_ARRIVAL'],
    ]);
    const stored = await t.gql<{ articleById: { attributes: { name: string; value: unknown }[] } }>(
      'query($id: ID!) { articleById(id: $id) { attributes { name value } } }',
      {
        id: articles[0]!.id,
      },
    );
    expect(stored.data.articleById.attributes).toContainEqual({ name: 'storageAreaRef', value: 'SHELF-A' });

    expect((await onArticle(store, 'ARTICLE_ARRIVED', articles[1]!, { storageAreaRef: 'SHELF-B' })).body.eventStatus).toBe('COMPLETE');
    order = await store.order('CC-OS-1');
    expect([order.status, nodes(order.fulfilments)[0]!.status]).toEqual(['AWAITING_COLLECTION', 'AWAITING_COLLECTION']);

    for (const article of articles) expect((await store.articleCollected('CC-OS-1', article)).body.eventStatus).toBe('COMPLETE');
    order = await store.order('CC-OS-1');
    expect([order.status, nodes(order.fulfilments)[0]!.status, (await articlesOf(store)).map((a) => a.status)]).toEqual([
      'COMPLETE',
      'COMPLETE',
      ['COLLECTED', 'COLLECTED'],
    ]);
  });

  it('refuses ARTICLE_ARRIVED without storageAreaRef and changes nothing; a parcel not yet arrived cannot be collected', async () => {
    const store = await shippedToSydney(1);
    const [article] = await articlesOf(store);
    const missing = await onArticle(store, 'ARTICLE_ARRIVED', article!);
    expect(missing.body.eventStatus).toBe('FAILED');
    expect(missing.body.errorMessage).toContain('"storageAreaRef"');
    expect((await articlesOf(store)).map((a) => a.status)).toEqual(['AWAITING_ARRIVAL']);
    expect((await store.articleCollected('CC-OS-1', article!)).body.eventStatus).toBe('NO_MATCH');
  });
});
