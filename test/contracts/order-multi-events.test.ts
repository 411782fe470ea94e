import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createBillingSettings } from './order-appeasement-fixtures.js';
import { createPricedMulti, multiClient } from './order-multi-events-fixtures.js';

/**
 * ORDER::MULTI takes the order events of its contract (workflow-contracts.md §5.1, §13: "Order
 * HD/CC/MULTI: OrderCancel, OrderAppeasement, OrderAddressChange, OrderRevision, WavePack") as
 * ORDER::HD and ORDER::CC do: an appeasement credits the billing account, a completed order takes
 * a return. (Address change, revision and WavePack: their own files.)
 */
let t: TestApp;
let m: ReturnType<typeof multiClient>;
beforeAll(async () => {
  t = await createTestApp();
  m = multiClient(t, { Authorization: `Bearer ${await t.token()}` });
});
beforeEach(async () => {
  await t.reset();
});

describe('OrderAppeasement on a MULTI order', () => {
  it('credits the customer through a credit memo on their billing account', async () => {
    await createBillingSettings(t);
    await createPricedMulti(t, 'MAP-1');
    await m.drain();
    const sent = await m.toOrder('MAP-1', 'OrderAppeasement', { appeasementAmount: '22.00', appeasementReason: 'LATE_DELIVERY', comment: 'Sorry' });
    expect(sent.body.eventStatus).toBe('COMPLETE');
    await m.drain();
    const memo = await t.gql<{ creditMemo: { type: string; status: string; order: { ref: string }; totalAmount: { amount: number } } }>(
      '{ creditMemo(ref: "MAP-1-CM1") { type status order { ref } totalAmount { amount } } }',
    );
    expect(memo.errors).toBeUndefined();
    expect(memo.data.creditMemo).toEqual({ type: 'CREDIT_MEMO', status: 'ISSUED', order: { ref: 'MAP-1' }, totalAmount: { amount: 22 } });
  });

  it('fails without appeasementReason, naming it', async () => {
    await createBillingSettings(t);
    await createPricedMulti(t, 'MAP-2');
    await m.drain();
    const sent = await m.toOrder('MAP-2', 'OrderAppeasement', { appeasementAmount: '5' });
    expect(sent.body.eventStatus).toBe('FAILED');
    expect(sent.body.errorMessage).toContain('"appeasementReason"');
  });
});

describe('CreateReturnOrder on a MULTI order', () => {
  it('creates a return order once the order is COMPLETE, not before', async () => {
    await createBillingSettings(t);
    const setting = await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
      input: { name: 'DEFAULT_RETURN_DESTINATION_LOCATION', valueType: 'STRING', value: 'LOC_MEL_DC', context: 'RETAILER', contextId: 1 },
    });
    expect(setting.errors).toBeUndefined();
    await createPricedMulti(t, 'MRT-1');
    await m.drain();
    const returnItems = [{ orderItemRef: 'MRT-1-2', quantity: 1 }];
    expect((await m.toOrder('MRT-1', 'CreateReturnOrder', { type: 'DEFAULT', returnItems })).body.eventStatus).toBe('NO_MATCH');

    await m.complete('MRT-1');
    expect((await m.toOrder('MRT-1', 'CreateReturnOrder', { type: 'DEFAULT', returnItems })).body.eventStatus).toBe('COMPLETE');
    await m.drain();
    const ret = await t.gql<{
      returnOrder: { status: string; order: { ref: string }; returnOrderItems: { edges: { node: { orderItem: { ref: string } } }[] } };
    }>('{ returnOrder(ref: "MRT-1-RET1", retailer: { id: "1" }) { status order { ref } returnOrderItems { edges { node { orderItem { ref } } } } } }');
    expect(ret.data.returnOrder).toEqual({
      status: 'AWAITING_RETURN',
      order: { ref: 'MRT-1' },
      returnOrderItems: { edges: [{ node: { orderItem: { ref: 'MRT-1-2' } } }] },
    });
  });
});

describe('OrderAddressChange on a MULTI order', () => {
  it('changes the delivery address of the HD fulfilment choice and clears its coordinates', async () => {
    await createPricedMulti(t, 'MAC-1');
    await m.drain();
    const sent = await m.toOrder('MAC-1', 'OrderAddressChange', {
      changeReason: 'moved',
      deliveryAddress: { street: '9 New St', city: 'Sydney', postcode: '2000' },
    });
    expect(sent.body.eventStatus).toBe('COMPLETE');
    const res = await t.gql<{
      order: { fulfilmentChoices: { edges: { node: { ref: string; deliveryAddress: { street: string; city: string; latitude: number | null } | null } }[] } };
    }>('{ order(ref: "MAC-1") { fulfilmentChoices { edges { node { ref deliveryAddress { street city latitude } } } } } }');
    expect(res.errors).toBeUndefined();
    const byRef = Object.fromEntries(res.data.order.fulfilmentChoices.edges.map((e) => [e.node.ref, e.node.deliveryAddress]));
    expect(byRef).toEqual({ 'MAC-1-HD': { street: '9 New St', city: 'Sydney', latitude: null }, 'MAC-1-CC': null });
  });

  it('is NO_MATCH on a COMPLETE order', async () => {
    await createPricedMulti(t, 'MAC-2');
    await m.complete('MAC-2');
    expect((await m.toOrder('MAC-2', 'OrderAddressChange', { deliveryAddress: { street: '9 New St' } })).body.eventStatus).toBe('NO_MATCH');
  });
});

describe('OrderRevision on a MULTI order', () => {
  it('creates the revised MULTI order with its choices, cancels the original with its choices, and credits what was taken off', async () => {
    await createBillingSettings(t);
    await createPricedMulti(t, 'MRV-1');
    await m.drain();
    const sent = await m.toOrder('MRV-1', 'OrderRevision', { revisedItems: [{ productRef: 'RUNNER-42', newQty: 1 }] });
    expect(sent.body.eventStatus).toBe('COMPLETE');
    await m.drain();

    const original = await m.orderOf('MRV-1');
    expect(original.status).toBe('CANCELLED');
    expect(original.choices).toEqual({ 'MRV-1-HD': 'CANCELLED', 'MRV-1-CC': 'CANCELLED' });
    expect(original.fulfilments.map((f) => f.status)).toEqual(['CANCELLED', 'CANCELLED']);

    const revised = await m.orderOf('MRV-1-REV1');
    expect(revised.status).toBe('BOOKED');
    expect(revised.choices).toEqual({ 'MRV-1-REV1-HD': 'BOOKED', 'MRV-1-REV1-CC': 'BOOKED' });
    expect(revised.of('MRV-1-REV1-HD').map((f) => f.items.edges[0]?.node.requestedQuantity)).toEqual([1]);
    expect(revised.of('MRV-1-REV1-CC').map((f) => f.items.edges[0]?.node.requestedQuantity)).toEqual([1]);
    const memo = await t.gql<{ creditMemo: { totalAmount: { amount: number } } }>('{ creditMemo(ref: "MRV-1-CM1") { totalAmount { amount } } }');
    expect(memo.data.creditMemo.totalAmount.amount).toBe(110);
  });
});
