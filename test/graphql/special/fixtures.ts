/**
 * Data the special-resolver tests create through the API on top of the default seed
 * (seeds/default.json): an order for the seeded customer, a fulfilment from a store, articles,
 * consignments. Every helper fails loudly when the API answers with errors.
 */
import type { TestApp } from '../../support/test-app.js';

export async function ok<T = Record<string, unknown>>(t: TestApp, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await t.gql<T>(query, variables);
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Ids of a seeded location (`LOC_MEL_STORE` …), its primary address and opening schedule. */
export async function seededLocation(t: TestApp, ref: string): Promise<{ id: string; addressId: string }> {
  const data = await ok<{ location: { id: string; primaryAddress: { id: string } } }>(
    t,
    `query($ref: String) { location(ref: $ref) { id primaryAddress { ... on StoreAddress { id } } } }`,
    { ref },
  );
  return { id: data.location.id, addressId: data.location.primaryAddress.id };
}

/** A CC order of the seeded customer for `quantity` TSHIRT-BLK-M, collected at `pickupLocationRef`. */
export async function createOrder(t: TestApp, ref: string, pickupLocationRef: string, quantity = 2): Promise<{ id: string; itemId: string }> {
  const customer = await ok<{ customer: { id: string } }>(t, `{ customer(ref: "jane.citizen@example.com") { id } }`);
  const data = await ok<{ createOrder: { id: string; items: { edges: { node: { id: string } }[] } } }>(
    t,
    `mutation($input: CreateOrderInput) { createOrder(input: $input) { id items { edges { node { id } } } } }`,
    {
      input: {
        ref,
        type: 'CC',
        retailer: { id: '1' },
        customer: { id: customer.customer.id },
        fulfilmentChoice: { deliveryType: 'STANDARD', pickupLocationRef },
        items: [{ ref: `${ref}-1`, productRef: 'TSHIRT-BLK-M', quantity }],
      },
    },
  );
  return { id: data.createOrder.id, itemId: data.createOrder.items.edges[0]!.node.id };
}

/** A fulfilment of the order from `fromLocationRef` (its primary address), to the order's pick-up store. */
export async function createFulfilment(
  t: TestApp,
  ref: string,
  order: { id: string; itemId: string },
  fromLocationRef: string,
  requestedQuantity = 2,
): Promise<string> {
  const from = await seededLocation(t, fromLocationRef);
  const data = await ok<{ createFulfilment: { id: string } }>(t, `mutation($input: CreateFulfilmentInput) { createFulfilment(input: $input) { id } }`, {
    input: {
      ref,
      type: 'CC_PFS',
      deliveryType: 'STANDARD',
      order: { id: order.id },
      fromAddress: { id: from.addressId },
      items: [{ ref: `${ref}-1`, requestedQuantity, filledQuantity: 0, rejectedQuantity: 0, orderItem: { id: order.itemId } }],
    },
  });
  return data.createFulfilment.id;
}

export async function createArticle(t: TestApp, ref: string, fulfilmentId: string): Promise<string> {
  const data = await ok<{ createArticle: { id: string } }>(t, `mutation($input: CreateArticleInput) { createArticle(input: $input) { id } }`, {
    input: { ref, type: 'DEFAULT', height: 10, length: 20, width: 30, weight: 1.5, fulfilments: [{ id: fulfilmentId }] },
  });
  return data.createArticle.id;
}

export async function createConsignment(t: TestApp, ref: string, articleIds: string[]): Promise<string> {
  const carrier = await ok<{ carrier: { id: string } }>(t, `{ carrier(ref: "AUSPOST") { id } }`);
  const data = await ok<{ createConsignment: { id: string } }>(t, `mutation($input: CreateConsignmentInput) { createConsignment(input: $input) { id } }`, {
    input: {
      ref,
      consignmentReference: `${ref}-REF`,
      carrier: { id: carrier.carrier.id },
      retailer: { id: '1' },
      consignmentArticles: articleIds.map((id) => ({ article: { id } })),
    },
  });
  return data.createConsignment.id;
}
