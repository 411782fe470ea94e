import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';
import { createFulfilment, createOrder, ok } from './fixtures.js';

describe('Fulfilment.fromLocation', () => {
  it('is the location whose primary address the fulfilment leaves from', async () => {
    const t = await createTestApp();
    const fulfilment = await createFulfilment(t, 'F-1', await createOrder(t, 'O-1', 'LOC_SYD_STORE'), 'LOC_MEL_DC');
    const data = await ok<{ fulfilmentById: unknown }>(
      t,
      `query($id: ID!) { fulfilmentById(id: $id) { fromLocation { ref } fromAddress { ... on StoreAddress { ref } } } }`,
      { id: fulfilment },
    );
    expect(data.fulfilmentById).toEqual({ fromLocation: { ref: 'LOC_MEL_DC' }, fromAddress: { ref: 'LOC_MEL_DC_ADDR' } });
  });

  it('is null without a from address', async () => {
    const t = await createTestApp();
    const order = await createOrder(t, 'O-1', 'LOC_SYD_STORE');
    const created = await ok<{ createFulfilment: { fromLocation: unknown } }>(
      t,
      `mutation($order: ID!, $item: ID!) {
      createFulfilment(input: {ref: "F-2", type: "CC_PFS", order: {id: $order}, items: [{ref: "F-2-1", filledQuantity: 0, rejectedQuantity: 0, orderItem: {id: $item}}]}) { fromLocation { ref } }
    }`,
      { order: order.id, item: order.itemId },
    );
    expect(created.createFulfilment.fromLocation).toBeNull();
  });
});

describe('Carrier.manifests', () => {
  it('lists the manifests that name the carrier', async () => {
    const t = await createTestApp();
    await ok(
      t,
      `mutation { createManifest(input: {ref: "MAN-1", name: "Evening pickup", type: "DEFAULT", carrier: {ref: "AUSPOST"}, location: {ref: "LOC_MEL_STORE"}}) { id } }`,
    );
    const data = await ok<{ carrier: { manifests: { ref: string }[] } }>(t, `{ carrier(ref: "AUSPOST") { manifests { ref } } }`);
    expect(data.carrier.manifests).toEqual([{ ref: 'MAN-1' }]);
  });
});
