import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createBillingSettings, createPricedOrder } from './order-appeasement-fixtures.js';

/**
 * Returns (workflow-contracts.md §9.1) and their billing (§9.2) end to end: a completed HD order
 * takes CreateReturnOrder with CreateReturnOrderFromOrder's attributes; the RETURN_ORDER
 * (RETURN_ORDER::DEFAULT, statuses [inferred]) gets the platform's CREATE, waits for the goods
 * in its RETURN_FULFILMENT (base.CreateReturnFulfilment; the return fulfilment follows the return order),
 * and on ReturnReceived the customer's billing account issues a credit memo for it, which tells
 * the return order (base.SendEventForCreditMemoToReturn) and completes it.
 */
let t: TestApp;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  auth = { Authorization: `Bearer ${await t.token()}` };
});
beforeEach(async () => {
  await t.reset();
});
const drain = () => t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();

const send = (body: Record<string, unknown>) =>
  request(t.app)
    .post('/api/v4.1/event/sync')
    .set(auth)
    .send({ retailerId: '1', ...body });
const toOrder = (ref: string, name: string, attributes: Record<string, unknown> = {}) =>
  send({ name, entityType: 'ORDER', entitySubtype: 'HD', entityRef: ref, rootEntityType: 'ORDER', rootEntityRef: ref, attributes });

async function completedOrder(ref: string): Promise<void> {
  await createPricedOrder(t, ref, 'HD');
  await drain();
  const fulfilment = (
    await t.gql<{ order: { fulfilments: { edges: { node: { ref: string } }[] } } }>(`{ order(ref: "${ref}") { fulfilments { edges { node { ref } } } } }`)
  ).data.order.fulfilments.edges[0]!.node.ref;
  for (const name of ['WaveCreate', 'ConfirmPick', 'ConfirmShip']) {
    const res = await send({ name, entityType: 'FULFILMENT', entitySubtype: 'HD_PFDC', entityRef: fulfilment, rootEntityType: 'ORDER', rootEntityRef: ref });
    expect(res.body.eventStatus, name).toBe('COMPLETE');
  }
  await drain();
  expect((await t.gql<{ order: { status: string } }>(`{ order(ref: "${ref}") { status } }`)).data.order.status).toBe('COMPLETE');
}

async function returnSettings(): Promise<void> {
  await createBillingSettings(t);
  const res = await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
    input: { name: 'DEFAULT_RETURN_DESTINATION_LOCATION', valueType: 'STRING', value: 'LOC_MEL_DC', context: 'RETAILER', contextId: 1 },
  });
  expect(res.errors).toBeUndefined();
}

type ReturnView = {
  ref: string;
  type: string;
  status: string;
  order: { ref: string };
  customer: { ref: string };
  destinationLocation: { ref: string };
  lodgedLocation: { ref: string } | null;
  returnAuthorisationKey: string | null;
  currency: { alphabeticCode: string };
  totalAmount: { amount: number };
  totalTax: { amount: number };
  returnOrderItems: {
    edges: { node: { ref: string; orderItem: { ref: string }; unitQuantity: { quantity: number }; returnReason: { value: string } | null } }[];
  };
};
const returnOf = async (ref: string) =>
  (
    await t.gql<{ returnOrder: ReturnView | null }>(
      `{ returnOrder(ref: "${ref}", retailer: { id: "1" }) { ref type status order { ref } customer { ref } destinationLocation { ref } lodgedLocation { ref } returnAuthorisationKey currency { alphabeticCode } totalAmount { amount } totalTax { amount } returnOrderItems { edges { node { ref orderItem { ref } unitQuantity { quantity } returnReason { value } } } } } }`,
    )
  ).data.returnOrder;

type ReturnFulfilmentView = {
  ref: string;
  type: string;
  status: string;
  destinationLocation: { ref: string };
  lodgedLocation: { ref: string } | null;
  returnFulfilmentItems: { edges: { node: { ref: string; unitQuantity: { quantity: number }; returnOrderItem: { ref: string }; product: { ref: string } } }[] };
};
/** The return fulfilment base.CreateReturnFulfilment created for return order `ref` ([inferred] ref `<ref>-RF1`). */
const returnFulfilmentOf = async (ref: string) =>
  (
    await t.gql<{ returnFulfilment: ReturnFulfilmentView | null }>(
      `{ returnFulfilment(ref: "${ref}-RF1", returnOrder: { ref: "${ref}", retailer: { id: "1" } }) { ref type status destinationLocation { ref } lodgedLocation { ref } returnFulfilmentItems { edges { node { ref unitQuantity { quantity } returnOrderItem { ref } product { ref } } } } } }`,
    )
  ).data.returnFulfilment;

const returnEvent = (ref: string, name: string) =>
  send({ name, entityType: 'RETURN_ORDER', entitySubtype: 'DEFAULT', entityRef: ref, rootEntityType: 'RETURN_ORDER', rootEntityRef: ref });

describe('Returns from a completed HD order', () => {
  it('creates a return order that moves through its workflow and gets its credit memo', async () => {
    await returnSettings();
    await completedOrder('RT-1');
    const created = await toOrder('RT-1', 'CreateReturnOrder', {
      type: 'DEFAULT',
      lodgedLocation: 'LOC_MEL_STORE',
      returnAuthorisationKey: 'RMA-77',
      returnItems: [{ orderItemRef: 'RT-1-1', quantity: 1, returnReason: { value: 'WRONGSIZE', label: 'Wrong Size' } }],
    });
    expect(created.body.eventStatus).toBe('COMPLETE');
    await drain();

    expect(await returnOf('RT-1-RET1')).toEqual({
      ref: 'RT-1-RET1',
      type: 'DEFAULT',
      status: 'AWAITING_RETURN',
      order: { ref: 'RT-1' },
      customer: { ref: 'jane.citizen@example.com' },
      destinationLocation: { ref: 'LOC_MEL_DC' },
      lodgedLocation: { ref: 'LOC_MEL_STORE' },
      returnAuthorisationKey: 'RMA-77',
      currency: { alphabeticCode: 'AUD' },
      totalAmount: { amount: 110 },
      totalTax: { amount: 10 },
      returnOrderItems: {
        edges: [{ node: { ref: 'RT-1-RET1-1', orderItem: { ref: 'RT-1-1' }, unitQuantity: { quantity: 1 }, returnReason: { value: 'WRONGSIZE' } } }],
      },
    });

    expect(await returnFulfilmentOf('RT-1-RET1')).toEqual({
      ref: 'RT-1-RET1-RF1',
      type: 'DEFAULT',
      status: 'AWAITING_RETURN',
      destinationLocation: { ref: 'LOC_MEL_DC' },
      lodgedLocation: { ref: 'LOC_MEL_STORE' },
      returnFulfilmentItems: {
        edges: [{ node: { ref: 'RT-1-RET1-RF1-1', unitQuantity: { quantity: 1 }, returnOrderItem: { ref: 'RT-1-RET1-1' }, product: { ref: 'RUNNER-42' } } }],
      },
    });

    expect((await returnEvent('RT-1-RET1', 'ReturnReceived')).body.eventStatus).toBe('COMPLETE');
    await drain();
    expect((await returnOf('RT-1-RET1'))?.status).toBe('COMPLETE');
    expect((await returnFulfilmentOf('RT-1-RET1'))?.status).toBe('COMPLETE');
    const memo = await t.gql<{ creditMemo: { status: string; returnOrder: { ref: string }; order: { ref: string }; totalAmount: { amount: number } } }>(
      '{ creditMemo(ref: "RT-1-RET1-CM1") { status returnOrder { ref } order { ref } totalAmount { amount } } }',
    );
    expect(memo.data.creditMemo).toEqual({ status: 'ISSUED', returnOrder: { ref: 'RT-1-RET1' }, order: { ref: 'RT-1' }, totalAmount: { amount: 110 } });

    const returnable = async () =>
      (
        await t.gql<{ order: { items: { edges: { node: { attributes: { name: string; value: unknown }[] } }[] } } }>(
          '{ order(ref: "RT-1") { items { edges { node { attributes { name value } } } } } }',
        )
      ).data.order.items.edges[0]!.node.attributes.find((a) => a.name === 'returnableQTY')?.value;
    expect(await returnable()).toBe(1);

    // One item left to return: a second return of 2 fails, of 1 passes.
    const tooMany = await toOrder('RT-1', 'CreateReturnOrder', { type: 'DEFAULT', returnItems: [{ productRef: 'RUNNER-42', quantity: 2 }] });
    expect(tooMany.body).toMatchObject({ eventStatus: 'FAILED' });
    expect(tooMany.body.errorMessage).toContain('has 1 left to return, not 2');
    expect((await toOrder('RT-1', 'CreateReturnOrder', { type: 'DEFAULT', returnItems: [{ productRef: 'RUNNER-42', quantity: 1 }] })).body.eventStatus).toBe(
      'COMPLETE',
    );
    await drain();
    expect((await returnOf('RT-1-RET2'))?.status).toBe('AWAITING_RETURN');
    expect(await returnable()).toBe(0);
  });

  it('cancels the return fulfilment with its return order; a received return cannot be cancelled', async () => {
    await returnSettings();
    await completedOrder('RT-5');
    const items = [{ orderItemRef: 'RT-5-1', quantity: 1 }];
    for (const _ of [1, 2]) expect((await toOrder('RT-5', 'CreateReturnOrder', { type: 'DEFAULT', returnItems: items })).body.eventStatus).toBe('COMPLETE');
    await drain();
    expect((await returnEvent('RT-5-RET1', 'ReturnCancel')).body.eventStatus).toBe('COMPLETE');
    await drain();
    expect([(await returnOf('RT-5-RET1'))?.status, (await returnFulfilmentOf('RT-5-RET1'))?.status]).toEqual(['CANCELLED', 'CANCELLED']);
    expect((await returnFulfilmentOf('RT-5-RET2'))?.status).toBe('AWAITING_RETURN');

    expect((await returnEvent('RT-5-RET2', 'ReturnReceived')).body.eventStatus).toBe('COMPLETE');
    await drain();
    expect((await returnFulfilmentOf('RT-5-RET2'))?.status).toBe('COMPLETE');
    expect((await returnEvent('RT-5-RET2', 'ReturnCancel')).body.eventStatus).toBe('NO_MATCH');
  });

  it.each([
    { title: 'returnItems', attributes: { type: 'DEFAULT' }, message: '"returnItems"' },
    { title: 'type', attributes: { returnItems: [{ orderItemRef: 'RT-2-1', quantity: 1 }] }, message: '"type"' },
  ])('fails without $title', async ({ attributes, message }) => {
    await returnSettings();
    await completedOrder('RT-2');
    const res = await toOrder('RT-2', 'CreateReturnOrder', attributes);
    expect(res.body.eventStatus).toBe('FAILED');
    expect(res.body.errorMessage).toContain(message);
  });

  it('fails without setting DEFAULT_RETURN_DESTINATION_LOCATION', async () => {
    await createBillingSettings(t);
    await completedOrder('RT-3');
    const res = await toOrder('RT-3', 'CreateReturnOrder', { type: 'DEFAULT', returnItems: [{ orderItemRef: 'RT-3-1', quantity: 1 }] });
    expect(res.body.eventStatus).toBe('FAILED');
    expect(res.body.errorMessage).toContain('DEFAULT_RETURN_DESTINATION_LOCATION');
    expect(await returnOf('RT-3-RET1')).toBeNull();
  });

  it('is not accepted before the order is complete', async () => {
    await returnSettings();
    await createPricedOrder(t, 'RT-4', 'HD');
    await drain();
    const res = await toOrder('RT-4', 'CreateReturnOrder', { type: 'DEFAULT', returnItems: [{ orderItemRef: 'RT-4-1', quantity: 1 }] });
    expect(res.body.eventStatus ?? res.status).not.toBe('COMPLETE');
  });
});
