import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

const MUTATION = `mutation($input: CreateFulfilmentOptionInput, $mode: ExecutionMode) {
  createFulfilmentOption(input: $input, executionMode: $mode) {
    id ref type status retailerId orderType locationRef workflowRef
    address { city postcode latitude longitude }
    products { productRef catalogueRef requestedQuantity }
    plans { edges { node { id } } }
  }
}`;

describe('Mutation.createFulfilmentOption', () => {
  it('creates the option with its address and products, awaiting orchestration', async () => {
    const t = await createTestApp();
    const data = await ok<{ createFulfilmentOption: Record<string, unknown> & { id: string } }>(t, MUTATION, {
      mode: 'AWAIT_ORCHESTRATION',
      input: {
        ref: 'FO-1',
        type: 'HD',
        retailerId: 1,
        orderType: 'HD',
        address: { city: 'Melbourne', postcode: '3000', latitude: -37.8136, longitude: 144.9631 },
        products: [{ productRef: 'TSHIRT-BLK-M', catalogueRef: 'PC:MASTER:1', requestedQuantity: 2 }, { productRef: 'RUNNER-42' }],
      },
    });
    expect(data.createFulfilmentOption).toMatchObject({
      ref: 'FO-1',
      type: 'HD',
      status: 'CREATED',
      retailerId: 1,
      orderType: 'HD',
      workflowRef: 'FULFILMENT_OPTIONS::HD',
      address: { city: 'Melbourne', postcode: '3000', latitude: -37.8136, longitude: 144.9631 },
      products: [
        { productRef: 'TSHIRT-BLK-M', catalogueRef: 'PC:MASTER:1', requestedQuantity: 2 },
        { productRef: 'RUNNER-42', catalogueRef: null, requestedQuantity: 1 },
      ],
    });
    const read = await ok<{ fulfilmentOptionById: { ref: string; products: unknown[] } }>(
      t,
      `query($id: ID!) { fulfilmentOptionById(id: $id) { ref products { productRef } } }`,
      { id: data.createFulfilmentOption.id },
    );
    expect(read.fulfilmentOptionById).toEqual({ ref: 'FO-1', products: [{ productRef: 'TSHIRT-BLK-M' }, { productRef: 'RUNNER-42' }] });
  });

  it('works without executionMode and without address or products', async () => {
    const t = await createTestApp();
    const data = await ok<{ createFulfilmentOption: { ref: string; address: unknown; products: unknown } }>(t, MUTATION, {
      input: { ref: 'FO-2', type: 'CC', retailerId: 1, locationRef: 'LOC_MEL_STORE' },
    });
    expect(data.createFulfilmentOption).toMatchObject({ ref: 'FO-2', address: null, products: null });
  });

  it('answers C0140E without an input', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, { mode: 'AWAIT_ORCHESTRATION' });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0140E');
  });
});
