import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

const MUTATION = `mutation($input: CreateOrderAndCustomerInput) {
  createOrderAndCustomer(input: $input) { id ref type status customer { id ref username firstName } customerLink { ref } items { edges { node { ref quantity product { ref } } } } fulfilmentChoice { pickupLocationRef } }
}`;
const input = (overrides: Record<string, unknown> = {}) => ({
  ref: 'CC-1001',
  type: 'CC',
  retailer: { id: '1' },
  totalPrice: 59.9,
  fulfilmentChoice: { deliveryType: 'STANDARD', pickupLocationRef: 'LOC_MEL_STORE' },
  customer: {
    username: 'sam@example.com',
    firstName: 'Sam',
    lastName: 'Lee',
    primaryEmail: 'sam@example.com',
    timezone: 'Australia/Melbourne',
    promotionOptIn: false,
    retailer: { id: '1' },
  },
  items: [{ ref: 'CC-1001-1', productRef: 'TSHIRT-BLK-L', quantity: 2 }],
  ...overrides,
});

describe('Mutation.createOrderAndCustomer', () => {
  it('creates the customer and the order linked to it', async () => {
    const t = await createTestApp();
    const data = await ok<{ createOrderAndCustomer: Record<string, unknown> & { customer: { id: string } } }>(t, MUTATION, { input: input() });
    expect(data.createOrderAndCustomer).toMatchObject({
      ref: 'CC-1001',
      type: 'CC',
      status: 'CREATED',
      customer: { ref: 'sam@example.com', username: 'sam@example.com', firstName: 'Sam' },
      customerLink: { ref: 'sam@example.com' },
      items: { edges: [{ node: { ref: 'CC-1001-1', quantity: 2, product: { ref: 'TSHIRT-BLK-L' } } }] },
      fulfilmentChoice: { pickupLocationRef: 'LOC_MEL_STORE' },
    });
    const customer = await ok<{ customer: { id: string } }>(t, `{ customer(ref: "sam@example.com") { id } }`);
    expect(customer.customer.id).toBe(data.createOrderAndCustomer.customer.id);
  });

  it('writes nothing when the order fails (unknown product: C0120E)', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, { input: input({ items: [{ ref: 'CC-1001-1', productRef: 'NO-SUCH-SKU', quantity: 1 }] }) });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0120E');
    const after = await ok<{ customer: unknown; order: unknown }>(t, `{ customer(ref: "sam@example.com") { id } order(ref: "CC-1001") { id } }`);
    expect(after).toEqual({ customer: null, order: null });
  });

  it('rejects an existing customer username with C0121E and writes nothing', async () => {
    const t = await createTestApp();
    const res = await t.gql(MUTATION, { input: input({ customer: { ...input().customer, username: 'jane.citizen@example.com' } }) });
    expect(res.errors?.[0]?.extensions?.code).toBe('C0121E');
    expect((await ok<{ order: unknown }>(t, `{ order(ref: "CC-1001") { id } }`)).order).toBeNull();
  });
});
