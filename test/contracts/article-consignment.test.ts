import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createOrder, nodes, packed, storeIntegration } from './store-waves-support.js';

/**
 * The HD article and consignment chain of workflow-contracts.md §8, played through the Event and
 * GraphQL APIs: on dispatch each parcel becomes an ARTICLE (CREATED → PENDING_CONSIGNMENT), the demo
 * carrier's CONSIGNMENT goes CREATED → PROCESSING → ACTIVE_LODGED (ConsignmentBooked) and finalises
 * its articles (→ AWAITING_COURIER_COLLECTION); once all are, the fulfilment follows
 * (AllArticlesAwaitingCourierCollection). The store may cancel an article (ArticleCancellation). The
 * carrier reports the pick-up (ConsignmentPickedUp [inferred name] → ACTIVE_SENT), collecting the articles.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.reset());

type Logged = { name: string; eventStatus: string; context: { entityRef: string } };

/** The names of the events processed for `entityType` entities, oldest first. */
async function eventsOf(entityType: string): Promise<Map<string, string[]>> {
  const res = await request(t.app)
    .get(`/api/v4.1/event?context.entityType=${entityType}&eventType=ORCHESTRATION&count=100`)
    .set('Authorization', `Bearer ${await t.token()}`);
  expect(res.status).toBe(200);
  const byRef = new Map<string, string[]>();
  for (const e of [...(res.body.results as Logged[])].reverse()) {
    expect(e.eventStatus, `${e.name} on ${e.context.entityRef}`).toBe('COMPLETE');
    byRef.set(e.context.entityRef, [...(byRef.get(e.context.entityRef) ?? []), e.name]);
  }
  return byRef;
}

/** An HD order of 7 × RUNNER-42 (only the Melbourne store holds that many), picked there, with an attribute on its fulfilment, dispatched in `parcels` parcels. */
async function dispatched(parcels: number) {
  const store = storeIntegration(t);
  await store.activateStore('LOC_MEL_STORE');
  await createOrder(t, 'HD-AC-1', { productRef: 'RUNNER-42', quantity: 7 });
  await store.engine.drain();
  expect((await store.createWaveByExpiry('LOC_MEL_STORE', { maxCount: 10 })).body.eventStatus).toBe('COMPLETE');
  const fulfilment = nodes((await store.order('HD-AC-1')).fulfilments)[0]!;
  const wave = nodes(fulfilment.waves)[0]!;
  expect((await store.pickConfirm('LOC_MEL_STORE', wave, [['RUNNER-42', 7]])).body.eventStatus).toBe('COMPLETE');
  const updated = await t.gql('mutation($input: UpdateFulfilmentInput) { updateFulfilment(input: $input) { id } }', {
    input: { id: fulfilment.id, attributes: [{ name: 'carrierService', type: 'STRING', value: 'EXPRESS' }] },
  });
  expect(updated.errors).toBeUndefined();
  const boxes = Array.from({ length: parcels }, (_, i) => packed(`Box ${i + 1}`));
  expect((await store.dispatch('LOC_MEL_STORE', wave, { [fulfilment.id]: boxes })).body.eventStatus).toBe('COMPLETE');
  return store;
}

const byRef = <T extends { ref: string }>(list: T[]): T[] => [...list].sort((a, b) => a.ref.localeCompare(b.ref));

const cancelArticle = (store: ReturnType<typeof storeIntegration>, article: { id: string; ref: string }) =>
  store.event({
    name: 'ArticleCancellation',
    entityType: 'ARTICLE',
    entityId: article.id,
    entityRef: article.ref,
    rootEntityType: 'ORDER',
    rootEntityRef: 'HD-AC-1',
  });

describe('HD articles and consignments (workflow-contracts.md §8)', () => {
  it('books the consignment, finalises its articles, then moves the fulfilment and order to AWAITING_COURIER_COLLECTION', async () => {
    const store = await dispatched(2);
    const order = await store.order('HD-AC-1');
    expect(order.status).toBe('AWAITING_COURIER_COLLECTION');
    const fulfilment = nodes(order.fulfilments)[0]!;
    expect(fulfilment.status).toBe('AWAITING_COURIER_COLLECTION');
    const articles = byRef(nodes(fulfilment.articles));
    expect(articles.map((a) => [a.ref, a.status, nodes(a.consignmentArticles)[0]?.consignment.status])).toEqual([
      ['HD-AC-1-F1-A1', 'AWAITING_COURIER_COLLECTION', 'ACTIVE_LODGED'],
      ['HD-AC-1-F1-A2', 'AWAITING_COURIER_COLLECTION', 'ACTIVE_LODGED'],
    ]);

    const articleEvents = await eventsOf('ARTICLE');
    expect(articleEvents.get('HD-AC-1-F1-A1')).toEqual(['CREATE', 'ConsignmentFinalised']);
    expect(articleEvents.get('HD-AC-1-F1-A2')).toEqual(['CREATE', 'ConsignmentFinalised']);
    expect((await eventsOf('CONSIGNMENT')).get('HD-AC-1-F1-C1')).toEqual(['CREATE', 'ConsignmentBooked']);
    const fulfilmentEvents = (await eventsOf('FULFILMENT')).get('HD-AC-1-F1')!;
    expect(fulfilmentEvents.slice(fulfilmentEvents.indexOf('WaveDispatchInitiated'))).toEqual([
      'WaveDispatchInitiated',
      'ArticleAwaitingCourierCollection',
      'ArticleAwaitingCourierCollection',
      'AllArticlesAwaitingCourierCollection',
      'AllArticlesAwaitingCourierCollection',
    ]);

    const copied = await t.gql<{ articleById: { attributes: { name: string; value: unknown }[] } }>(
      'query($id: ID!) { articleById(id: $id) { attributes { name value } } }',
      { id: articles[0]!.id },
    );
    expect(copied.data.articleById.attributes).toContainEqual({ name: 'carrierService', value: 'EXPRESS' });
  });

  it('cancels an article at the store; the fulfilment completes once the others are collected', async () => {
    const store = await dispatched(2);
    const [first, second] = byRef(nodes(nodes((await store.order('HD-AC-1')).fulfilments)[0]!.articles));
    expect((await cancelArticle(store, first!)).body.eventStatus).toBe('COMPLETE');
    let fulfilment = nodes((await store.order('HD-AC-1')).fulfilments)[0]!;
    expect([fulfilment.status, byRef(nodes(fulfilment.articles)).map((a) => a.status)]).toEqual([
      'AWAITING_COURIER_COLLECTION',
      ['CANCELLED', 'AWAITING_COURIER_COLLECTION'],
    ]);

    expect((await store.articleCollected('HD-AC-1', second!)).body.eventStatus).toBe('COMPLETE');
    const order = await store.order('HD-AC-1');
    fulfilment = nodes(order.fulfilments)[0]!;
    expect([order.status, fulfilment.status, byRef(nodes(fulfilment.articles)).map((a) => a.status)]).toEqual([
      'COMPLETE',
      'COMPLETE',
      ['CANCELLED', 'COLLECTED'],
    ]);
  });

  it('takes the carrier pick-up (ConsignmentPickedUp, [inferred] name): consignment ACTIVE_SENT, its articles collected, the order complete', async () => {
    const store = await dispatched(2);
    const [first] = byRef(nodes(nodes((await store.order('HD-AC-1')).fulfilments)[0]!.articles));
    expect((await cancelArticle(store, first!)).body.eventStatus).toBe('COMPLETE');
    const pickedUp = () =>
      store.event({ name: 'ConsignmentPickedUp', entityType: 'CONSIGNMENT', entityRef: 'HD-AC-1-F1-C1', rootEntityType: 'ORDER', rootEntityRef: 'HD-AC-1' });
    expect((await pickedUp()).body.eventStatus).toBe('COMPLETE');
    const order = await store.order('HD-AC-1');
    const fulfilment = nodes(order.fulfilments)[0]!;
    expect([order.status, fulfilment.status]).toEqual(['COMPLETE', 'COMPLETE']);
    expect(byRef(nodes(fulfilment.articles)).map((a) => [a.status, nodes(a.consignmentArticles)[0]!.consignment.status])).toEqual([
      ['CANCELLED', 'ACTIVE_SENT'],
      ['COLLECTED', 'ACTIVE_SENT'],
    ]);
    expect((await pickedUp()).body.eventStatus).toBe('NO_MATCH');
  });

  it('completes the fulfilment when its last article is cancelled, and refuses to cancel it twice', async () => {
    const store = await dispatched(1);
    const [only] = nodes(nodes((await store.order('HD-AC-1')).fulfilments)[0]!.articles);
    expect((await cancelArticle(store, only!)).body.eventStatus).toBe('COMPLETE');
    const order = await store.order('HD-AC-1');
    expect([order.status, nodes(order.fulfilments)[0]!.status]).toEqual(['COMPLETE', 'COMPLETE']);
    expect((await cancelArticle(store, only!)).body.eventStatus).toBe('NO_MATCH');
  });
});
