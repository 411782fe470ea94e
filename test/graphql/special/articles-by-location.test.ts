import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createArticle, createConsignment, createFulfilment, createOrder, ok, seededLocation } from './fixtures.js';

const QUERY = `query($status: [String!], $orderType: [String!], $from: [LocationKey!], $to: [LocationKey!], $orderRef: [String!], $first: String, $last: String,
  $phone: String, $email: String, $createdOn: DateRange, $consignmentStatus: [String!], $carrierName: String, $retailerId: [Int!]) {
  articlesByLocation(status: $status, orderType: $orderType, fromLocation: $from, toLocation: $to, orderRef: $orderRef, customerFirstName: $first, customerLastName: $last,
    customerPhone: $phone, customerEmail: $email, createdOn: $createdOn, consignmentStatus: $consignmentStatus, carrierName: $carrierName, retailerId: $retailerId, first: 50) {
    edges { node { ref } }
  }
}`;

/**
 * order O-1 of Jane (seeded), picked at LOC_MEL_STORE for collection at LOC_SYD_STORE, on consignment C-1 (AUSPOST).
 * order O-2 of Sam (created with createOrderAndCustomer), from LOC_MEL_DC for collection at LOC_MEL_STORE, no consignment.
 */
async function twoArticles(t: TestApp): Promise<void> {
  const a1 = await createArticle(t, 'A-1', await createFulfilment(t, 'F-1', await createOrder(t, 'O-1', 'LOC_SYD_STORE'), 'LOC_MEL_STORE'));
  await createConsignment(t, 'C-1', [a1]);
  const o2 = await ok<{ createOrderAndCustomer: { id: string; items: { edges: { node: { id: string } }[] } } }>(
    t,
    `mutation($input: CreateOrderAndCustomerInput) { createOrderAndCustomer(input: $input) { id items { edges { node { id } } } } }`,
    {
      input: {
        ref: 'O-2',
        type: 'CC',
        retailer: { id: '1' },
        fulfilmentChoice: { deliveryType: 'STANDARD', pickupLocationRef: 'LOC_MEL_STORE' },
        customer: {
          username: 'sam',
          firstName: 'Sam',
          lastName: 'Lee',
          primaryEmail: 'sam@example.com',
          primaryPhone: '+61 400 111 222',
          timezone: 'UTC',
          promotionOptIn: false,
          retailer: { id: '1' },
        },
        items: [{ ref: 'O-2-1', productRef: 'RUNNER-42', quantity: 1 }],
      },
    },
  );
  const order2 = { id: o2.createOrderAndCustomer.id, itemId: o2.createOrderAndCustomer.items.edges[0]!.node.id };
  await createArticle(t, 'A-2', await createFulfilment(t, 'F-2', order2, 'LOC_MEL_DC', 1));
}

describe('Query.articlesByLocation', () => {
  let t: TestApp;
  const refs = async (vars: Record<string, unknown>): Promise<string[]> =>
    (await ok<{ articlesByLocation: { edges: { node: { ref: string } }[] } }>(t, QUERY, vars)).articlesByLocation.edges.map((e) => e.node.ref);

  beforeAll(async () => {
    t = await createTestApp();
    await twoArticles(t);
  });

  it('lists all articles newest first without filters', async () => {
    expect(await refs({})).toEqual(['A-2', 'A-1']);
  });

  it('finds articles by the location they leave from (ref or id) and go to', async () => {
    expect(await refs({ from: [{ ref: 'LOC_MEL_DC' }] })).toEqual(['A-2']);
    expect(await refs({ from: [{ id: (await seededLocation(t, 'LOC_MEL_STORE')).id }] })).toEqual(['A-1']);
    expect(await refs({ to: [{ ref: 'LOC_SYD_STORE' }] })).toEqual(['A-1']);
    expect(await refs({ to: [{ ref: 'LOC_MEL_STORE' }, { ref: 'LOC_SYD_STORE' }] })).toEqual(['A-2', 'A-1']);
    expect(await refs({ to: [{ ref: 'NOPE' }] })).toEqual([]);
  });

  it('filters by order and customer fields', async () => {
    expect(await refs({ orderRef: ['O-2'] })).toEqual(['A-2']);
    // ORDER::CC takes a new article packed away from the pickup location to AWAITING_ARRIVAL (A-1 at
    // LOC_MEL_STORE for LOC_SYD_STORE, A-2 at LOC_MEL_DC for LOC_MEL_STORE; workflow-contracts.md §8).
    expect(await refs({ orderType: ['CC'], status: ['AWAITING_ARRIVAL'] })).toEqual(['A-2', 'A-1']);
    expect(await refs({ orderType: ['CC'], status: ['AWAITING_COLLECTION'] })).toEqual([]);
    expect(await refs({ orderType: ['HD'] })).toEqual([]);
    expect(await refs({ first: 'Jane', last: 'Citizen' })).toEqual(['A-1']);
    expect(await refs({ phone: '+61 400 111 222' })).toEqual(['A-2']);
    expect(await refs({ email: 'jane.citizen@example.com' })).toEqual(['A-1']);
    expect(await refs({ retailerId: [1] })).toEqual(['A-2', 'A-1']);
    expect(await refs({ retailerId: [2] })).toEqual([]);
  });

  it('filters by consignment status and carrier name', async () => {
    // ORDER::CC books a new consignment at once with the demo carrier: CREATED → PROCESSING → ACTIVE_LODGED.
    expect(await refs({ consignmentStatus: ['ACTIVE_LODGED'] })).toEqual(['A-1']);
    expect(await refs({ consignmentStatus: ['CREATED'] })).toEqual([]);
    expect(await refs({ carrierName: 'Australia Post' })).toEqual(['A-1']);
    expect(await refs({ carrierName: 'Other' })).toEqual([]);
  });

  it('filters by the article dates and rejects an empty date range (C0101E)', async () => {
    expect(await refs({ createdOn: { from: '2030-01-01T00:00:00.000Z' } })).toEqual([]);
    expect(await refs({ createdOn: { to: '2030-01-01T00:00:00.000Z' } })).toEqual(['A-2', 'A-1']);
    const res = await t.gql(QUERY, { createdOn: {} });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0101E');
  });
});

describe('Query.consignmentArticleById and carrierConsignmentArticleById', () => {
  it('find the join record by its article and consignment', async () => {
    const t = await createTestApp();
    const article = await createArticle(t, 'A-9', await createFulfilment(t, 'F-9', await createOrder(t, 'O-9', 'LOC_SYD_STORE'), 'LOC_MEL_STORE'));
    const consignment = await createConsignment(t, 'C-9', [article]);
    const carrier = await ok<{ carrier: { id: string } }>(t, `{ carrier(ref: "AUSPOST") { id } }`);
    await ok(t, `mutation($input: CreateCarrierConsignmentInput) { createCarrierConsignment(input: $input) { id } }`, {
      input: { ref: 'CC-9', carrier: { id: carrier.carrier.id }, retailer: { id: '1' }, carrierConsignmentArticles: [{ article: { id: article } }] },
    });
    const query = `query($a: ID!, $c: ID!, $cc: String!) {
      both: consignmentArticleById(article: {id: $a}, consignment: {id: $c}) { article { ref } consignment { ref consignmentReference } }
      byArticle: consignmentArticleById(article: {id: $a}) { consignment { ref } }
      wrong: consignmentArticleById(article: {id: $a}, consignment: {id: "999"}) { article { ref } }
      carrier: carrierConsignmentArticleById(article: {id: $a}, carrierConsignment: {ref: $cc}) { article { ref } carrierConsignment { ref } }
      carrierWrong: carrierConsignmentArticleById(article: {id: $a}, carrierConsignment: {ref: "NOPE"}) { article { ref } }
    }`;
    const data = await ok(t, query, { a: article, c: consignment, cc: 'CC-9' });
    expect(data).toEqual({
      both: { article: { ref: 'A-9' }, consignment: { ref: 'C-9', consignmentReference: 'C-9-REF' } },
      byArticle: { consignment: { ref: 'C-9' } },
      wrong: null,
      carrier: { article: { ref: 'A-9' }, carrierConsignment: { ref: 'CC-9' } },
      carrierWrong: null,
    });
  });
});
