/**
 * Set-up shared by the billing contract tests (appeasement, revision, returns): the settings the
 * credit memo rules require (DEFAULT_TAX_TYPE, and GST as its tariff's rate) and a priced order,
 * created as an integration would, over GraphQL.
 */
import { expect } from 'vitest';
import type { TestApp } from '../support/test-app.js';

export async function createBillingSettings(app: TestApp): Promise<void> {
  const create = 'mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }';
  const settings = [
    { name: 'DEFAULT_TAX_TYPE', valueType: 'JSON', lobValue: { country: 'AU', group: 'STANDARD', tariff: 'GST' }, context: 'RETAILER', contextId: 1 },
    { name: 'GST', valueType: 'STRING', value: '10', context: 'RETAILER', contextId: 1 },
  ];
  for (const input of settings) expect((await app.gql(create, { input })).errors).toBeUndefined();
}

export async function createPricedOrder(app: TestApp, ref: string, type: 'HD' | 'CC'): Promise<void> {
  const res = await app.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type,
      retailer: { id: '1' },
      customer: { id: '1' },
      totalPrice: 220,
      items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 2, price: 110, currency: 'AUD' }],
      fulfilmentChoice:
        type === 'CC'
          ? { deliveryType: 'STANDARD', pickupLocationRef: 'LOC_MEL_STORE' }
          : {
              deliveryType: 'STANDARD',
              deliveryAddress: { ref: `${ref}-ADDR`, name: 'Jane', street: '1 Main St', city: 'Melbourne', postcode: '3000', country: 'AU' },
            },
    },
  });
  expect(res.errors).toBeUndefined();
}
