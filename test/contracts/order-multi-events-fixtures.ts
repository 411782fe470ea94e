/**
 * Set-up shared by the ORDER::MULTI order-event contract tests (appeasement, returns, address
 * change, revision, WavePack): a priced mixed-basket order with an HD and a CC fulfilment choice,
 * created over GraphQL, and the Event API calls an integration makes on it.
 */
import request from 'supertest';
import { expect } from 'vitest';
import type { TestApp } from '../support/test-app.js';

export async function createPricedMulti(app: TestApp, ref: string): Promise<void> {
  const res = await app.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type: 'MULTI',
      retailer: { id: '1' },
      customer: { id: '1' },
      totalPrice: 330,
      items: [
        { ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 2, price: 110, currency: 'AUD', fulfilmentChoiceRef: `${ref}-HD` },
        { ref: `${ref}-2`, productRef: 'RUNNER-43', quantity: 1, price: 110, currency: 'AUD', fulfilmentChoiceRef: `${ref}-CC` },
      ],
      fulfilmentChoices: [
        {
          ref: `${ref}-HD`,
          type: 'HD',
          deliveryType: 'STANDARD',
          deliveryAddress: { ref: `${ref}-ADDR`, name: 'Jane', street: '1 Main St', city: 'Melbourne', postcode: '3000', country: 'AU' },
        },
        { ref: `${ref}-CC`, type: 'CC', deliveryType: 'STANDARD', pickupLocationRef: 'LOC_SYD_STORE' },
      ],
    },
  });
  expect(res.errors).toBeUndefined();
}

export type MultiFulfilment = {
  ref: string;
  type: string;
  status: string;
  fulfilmentChoiceRef: string;
  items: {
    edges: { node: { orderItem: { id: string; ref: string }; requestedQuantity: number; filledQuantity: number | null; rejectedQuantity: number | null } }[];
  };
};

/** Drives a MULTI order's event chain and reads it back. */
export function multiClient(app: TestApp, auth: Record<string, string>) {
  const drain = () => app.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
  const send = (body: Record<string, unknown>) =>
    request(app.app)
      .post('/api/v4.1/event/sync')
      .set(auth)
      .send({ retailerId: '1', ...body });
  const toOrder = (ref: string, name: string, attributes: Record<string, unknown> = {}) =>
    send({ name, entityType: 'ORDER', entitySubtype: 'MULTI', entityRef: ref, rootEntityType: 'ORDER', rootEntityRef: ref, attributes });
  const toFulfilment = (order: string, f: MultiFulfilment, name: string, attributes: Record<string, unknown> = {}) =>
    send({ name, entityType: 'FULFILMENT', entitySubtype: f.type, entityRef: f.ref, rootEntityType: 'ORDER', rootEntityRef: order, attributes });

  /** The order's status, its choices' statuses by ref, and its fulfilments by choice ref (live ones first). */
  const orderOf = async (ref: string) => {
    const res = await app.gql<{
      order: { status: string; fulfilmentChoices: { edges: { node: { ref: string; status: string } }[] }; fulfilments: { edges: { node: MultiFulfilment }[] } };
    }>(
      `{ order(ref: "${ref}") { status fulfilmentChoices { edges { node { ref status } } } fulfilments { edges { node { ref type status fulfilmentChoiceRef items { edges { node { orderItem { id ref } requestedQuantity filledQuantity rejectedQuantity } } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const order = res.data.order;
    const fulfilments = order.fulfilments.edges.map((e) => e.node);
    const of = (choice: string) => fulfilments.filter((f) => f.fulfilmentChoiceRef === choice);
    return { status: order.status, choices: Object.fromEntries(order.fulfilmentChoices.edges.map((e) => [e.node.ref, e.node.status])), fulfilments, of };
  };

  /** Picks, ships and collects both choices: the order is COMPLETE. */
  const complete = async (ref: string) => {
    await drain();
    const order = await orderOf(ref);
    const [hd] = order.of(`${ref}-HD`);
    const [cc] = order.of(`${ref}-CC`);
    if (!hd || !cc) throw new Error(`order ${ref} has no fulfilment for one of its choices`);
    for (const name of ['WaveCreate', 'ConfirmPick', 'ConfirmShip']) expect((await toFulfilment(ref, hd, name)).body.eventStatus, name).toBe('COMPLETE');
    for (const name of ['WaveCreate', 'ConfirmPick', 'ConfirmCollection']) expect((await toFulfilment(ref, cc, name)).body.eventStatus, name).toBe('COMPLETE');
    await drain();
    expect((await orderOf(ref)).status).toBe('COMPLETE');
  };
  return { drain, send, toOrder, toFulfilment, orderOf, complete };
}
