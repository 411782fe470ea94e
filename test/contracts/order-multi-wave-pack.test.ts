import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createPricedMulti, type MultiFulfilment, multiClient } from './order-multi-events-fixtures.js';

/**
 * WavePack on ORDER::MULTI (Mixed Baskets contract, workflow-contracts.md §5.1: pickedItems
 * required, fulfilmentItems with rejectedQty; sent to an ASSIGNED fulfilment) end to end: each
 * item is rejected as fulfilmentItems says and filled with the rest, then the fulfilment goes on
 * as after the wave's PickConfirm (ConfirmFulfilmentItems → AllFulfilled / PartiallyFulfilled /
 * AllRejected) [inferred: the MULTI continuations, see docs/orchestration.md].
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

const picked = (productRef: string, availableQty: number) => ({ productRef, catalogueRef: 'DEFAULT:1', availableQty });
const itemOf = (f: MultiFulfilment | undefined) => f?.items.edges[0]?.node;

/** A booked MULTI order whose fulfilment for `choice` (HD or CC) is ASSIGNED. */
async function assigned(ref: string, choice: 'HD' | 'CC'): Promise<MultiFulfilment> {
  await createPricedMulti(t, ref);
  await m.drain();
  const [f] = (await m.orderOf(ref)).of(`${ref}-${choice}`);
  if (!f) throw new Error(`no ${choice} fulfilment`);
  expect((await m.toFulfilment(ref, f, 'WaveCreate')).body.eventStatus).toBe('COMPLETE');
  await m.drain();
  return f;
}

describe('WavePack on a MULTI order', () => {
  it('fills every item of a CC fulfilment: it waits for the customer, as after ConfirmPick', async () => {
    const cc = await assigned('MWP-1', 'CC');
    const sent = await m.toFulfilment('MWP-1', cc, 'WavePack', { pickedItems: [picked('RUNNER-43', 1)] });
    expect(sent.body.eventStatus).toBe('COMPLETE');
    await m.drain();
    const order = await m.orderOf('MWP-1');
    const [after] = order.of('MWP-1-CC');
    expect(after?.status).toBe('AWAITING_COLLECTION');
    expect(itemOf(after)).toMatchObject({ requestedQuantity: 1, filledQuantity: 1, rejectedQuantity: 0 });
    expect(order.choices['MWP-1-CC']).toBe('AWAITING_CUSTOMER_COLLECTION');
  });

  it('rejects one item of an HD fulfilment: PARTIALLY_FULFILLED, the choice sources the rest, and what was picked ships', async () => {
    const hd = await assigned('MWP-2', 'HD');
    const orderItemId = itemOf(hd)!.orderItem.id;
    const sent = await m.toFulfilment('MWP-2', hd, 'WavePack', {
      pickedItems: [picked('RUNNER-42', 1)],
      fulfilmentItems: [{ skuRef: 'RUNNER-42', orderItemId, rejectedQty: 1 }],
    });
    expect(sent.body.eventStatus).toBe('COMPLETE');
    await m.drain();
    const order = await m.orderOf('MWP-2');
    const packed = order.fulfilments.find((f) => f.ref === hd.ref);
    expect(packed?.status).toBe('PARTIALLY_FULFILLED');
    expect(itemOf(packed)).toMatchObject({ requestedQuantity: 2, filledQuantity: 1, rejectedQuantity: 1 });
    const resourced = order.of('MWP-2-HD').filter((f) => f.ref !== hd.ref);
    expect(resourced.map((f) => [f.status, itemOf(f)?.requestedQuantity])).toEqual([['AWAITING_WAVE', 1]]);

    expect((await m.toFulfilment('MWP-2', hd, 'ConfirmShip')).body.eventStatus).toBe('COMPLETE');
    await m.drain();
    expect((await m.orderOf('MWP-2')).fulfilments.find((f) => f.ref === hd.ref)?.status).toBe('SHIPPED');
  });

  it('rejects every item of a CC fulfilment: REJECTED, and the choice is ESCALATED', async () => {
    const cc = await assigned('MWP-3', 'CC');
    const orderItemId = itemOf(cc)!.orderItem.id;
    const sent = await m.toFulfilment('MWP-3', cc, 'WavePack', { pickedItems: [picked('RUNNER-43', 0)], fulfilmentItems: [{ orderItemId, rejectedQty: 1 }] });
    expect(sent.body.eventStatus).toBe('COMPLETE');
    await m.drain();
    const order = await m.orderOf('MWP-3');
    expect(order.of('MWP-3-CC').map((f) => f.status)).toEqual(['REJECTED']);
    expect(order.choices['MWP-3-CC']).toBe('ESCALATED');
  });

  it.each([
    { title: 'without pickedItems', attributes: { fulfilmentItems: [] }, message: '"pickedItems"' },
    {
      title: 'with a pickedItem without productRef',
      attributes: { pickedItems: [{ catalogueRef: 'DEFAULT:1', availableQty: 1 }] },
      message: '"pickedItems[0].productRef"',
    },
    {
      title: 'with a fulfilmentItem with skuRef but no orderItemId',
      attributes: { pickedItems: [picked('RUNNER-43', 1)], fulfilmentItems: [{ skuRef: 'RUNNER-43', rejectedQty: 1 }] },
      message: '"fulfilmentItems[0].orderItemId"',
    },
  ])('fails $title, naming the attribute, and leaves the fulfilment ASSIGNED', async ({ attributes, message }) => {
    const cc = await assigned('MWP-4', 'CC');
    const sent = await m.toFulfilment('MWP-4', cc, 'WavePack', attributes);
    expect(sent.body.eventStatus).toBe('FAILED');
    expect(sent.body.errorMessage).toContain(message);
    expect((await m.orderOf('MWP-4')).of('MWP-4-CC').map((f) => f.status)).toEqual(['ASSIGNED']);
  });

  it('is NO_MATCH on a fulfilment that is not ASSIGNED', async () => {
    await createPricedMulti(t, 'MWP-5');
    await m.drain();
    const [cc] = (await m.orderOf('MWP-5')).of('MWP-5-CC');
    expect((await m.toFulfilment('MWP-5', cc!, 'WavePack', { pickedItems: [picked('RUNNER-43', 1)] })).body.eventStatus).toBe('NO_MATCH');
  });
});
