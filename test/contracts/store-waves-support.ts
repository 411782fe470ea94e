/**
 * What a store integration (or the store app) sends, over the Event API, for the LOCATION::STORE
 * wave contract (workflow-contracts.md §7) and the article events of §8; and GraphQL reads of the
 * order, its fulfilments, articles and consignments. Shared by the store-waves and
 * order-to-complete contract tests.
 */
import request from 'supertest';
import type { TestApp } from '../support/test-app.js';

export type EventReply = { status: number; body: { eventStatus: string; errorMessage?: string } };

export type ArticleDetails = { packaging_name: string; length: string; width: string; height: string; weight: string; maxWeight?: string };

type Node<T> = { edges: { node: T }[] };
export type FulfilmentView = {
  id: string;
  ref: string;
  status: string;
  expiryTime: string | null;
  items: Node<{ requestedQuantity: number; filledQuantity: number; rejectedQuantity: number }>;
  waves: Node<{ id: string; ref: string; status: string }>;
  articles: Node<{
    id: string;
    ref: string;
    status: string;
    name: string;
    length: number;
    weight: number;
    consignmentArticles: Node<{ consignment: { ref: string; status: string; labelUrl: string; carrier: { ref: string } } }>;
  }>;
};
export type OrderView = { id: string; status: string; fulfilments: Node<FulfilmentView> };

const ORDER_QUERY = `query($ref: String!) { order(ref: $ref) { id status fulfilments { edges { node {
  id ref status expiryTime
  items { edges { node { requestedQuantity filledQuantity rejectedQuantity } } }
  waves { edges { node { id ref status } } }
  articles { edges { node { id ref status name length weight
    consignmentArticles { edges { node { consignment { ref status labelUrl carrier { ref } } } } } } } }
} } } } }`;

export const packed = (name = 'Small box'): ArticleDetails => ({ packaging_name: name, length: '30', width: '20', height: '10', weight: '1.5' });

export function storeIntegration(t: TestApp) {
  const engine = t.sim.accounts.get('LOCAL')!.orchestration!.engine;
  const event = async (body: Record<string, unknown>): Promise<EventReply> => {
    const reply = await request(t.app)
      .post('/api/v4.1/event/sync')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send({ retailerId: '1', ...body });
    await engine.drain();
    return reply;
  };
  const atStore = (name: string, store: string, attributes: Record<string, unknown>) =>
    event({ name, entityType: 'LOCATION', entitySubtype: 'STORE', entityRef: store, rootEntityType: 'LOCATION', rootEntityRef: store, attributes });
  const onWave = (name: string, store: string, wave: { id: string; ref: string }, attributes: Record<string, unknown>) =>
    event({
      name,
      entityType: 'WAVE',
      entitySubtype: 'STORE',
      entityId: wave.id,
      entityRef: wave.ref,
      rootEntityType: 'LOCATION',
      rootEntityRef: store,
      attributes,
    });

  return {
    engine,
    event,
    /** Account set-up: seeded locations start CREATED (the platform raises no CREATE for a location). */
    activateStore: (store: string) => atStore('ActivateLocation', store, {}),
    createWaveByExpiry: (store: string, attributes: Record<string, unknown>) => atStore('CreateWaveByExpiry', store, attributes),
    createWaveByUserSelection: (store: string, attributes: Record<string, unknown>) => atStore('CreateWaveByUserSelection', store, attributes),
    pickConfirm: (store: string, wave: { id: string; ref: string }, picked: [productRef: string, availableQty: number][], completeWave = false) =>
      onWave(completeWave ? 'PickConfirmAndWaveComplete' : 'PickConfirm', store, wave, {
        pickedItems: picked.map(([productRef, availableQty]) => ({ productRef, availableQty, catalogueRef: 'PC:MASTER:1' })),
      }),
    dispatch: (store: string, wave: { id: string; ref: string }, allFulfilmentArticles: Record<string, ArticleDetails[]>) =>
      onWave('WaveDispatch', store, wave, { allFulfilmentArticles }),
    /** The store app marks a parcel as gone: handed to the courier, or collected by the customer. */
    articleCollected: (orderRef: string, article: { id: string; ref: string }) =>
      event({
        name: 'ARTICLE_COLLECTED',
        entityType: 'ARTICLE',
        entityId: article.id,
        entityRef: article.ref,
        rootEntityType: 'ORDER',
        rootEntityRef: orderRef,
      }),
    order: async (ref: string): Promise<OrderView> => (await t.gql<{ order: OrderView }>(ORDER_QUERY, { ref })).data.order,
  };
}

export const nodes = <T>(connection: Node<T>): T[] => connection.edges.map((e) => e.node);

/** An order of `quantity` × `productRef`; HD ships to Melbourne, CC is collected at `pickup`. */
export async function createOrder(t: TestApp, ref: string, line: { productRef: string; quantity: number }, pickup?: string): Promise<void> {
  const created = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type: pickup === undefined ? 'HD' : 'CC',
      retailer: { id: '1' },
      customer: { id: '1' },
      items: [{ ref: `${ref}-1`, ...line }],
      fulfilmentChoice: {
        deliveryType: 'STANDARD',
        ...(pickup === undefined
          ? { deliveryAddress: { ref: `${ref}-ADDR`, name: 'Kim', street: '1 Collins St', city: 'Melbourne', postcode: '3000', country: 'AU' } }
          : { pickupLocationRef: pickup }),
      },
    },
  });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
}
