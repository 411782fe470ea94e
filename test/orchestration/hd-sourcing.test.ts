import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

/** The default ORDER::HD workflow sources its fulfilment from a location with stock (simulator sourcing). */
describe('ORDER::HD fulfilment sourcing', () => {
  const create = (t: Awaited<ReturnType<typeof createTestApp>>, ref: string, productRef: string, quantity: number) =>
    t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref,
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        fulfilmentChoice: {
          ref: `${ref}-FC`,
          deliveryType: 'STANDARD',
          deliveryAddress: { ref: `${ref}-ADDR`, name: 'Jane', street: '1 Main St', city: 'Melbourne', postcode: '3000', country: 'AU' },
        },
        items: [{ ref: `${ref}-1`, productRef, quantity }],
      },
    });
  const FULFILMENT = `query($ref: String) { order(ref: $ref) { status fulfilments { edges { node { ref type status fromLocation { ref } fromAddress { ... on StoreAddress { city } } toAddress { ... on CustomerAddress { ref city } } } } } } }`;

  it('ships from the nearest location with the stock (a Melbourne 3000 address: the Melbourne store), to the delivery address', async () => {
    const t = await createTestApp();
    await create(t, 'SRC-1', 'TSHIRT-BLK-M', 2);
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const res = await t.gql<{ order: { fulfilments: { edges: { node: Record<string, unknown> }[] } } }>(FULFILMENT, { ref: 'SRC-1' });
    expect(res.errors).toBeUndefined();
    expect(res.data.order.fulfilments.edges.map((e) => e.node)).toEqual([
      {
        ref: 'SRC-1-F1',
        type: 'HD_PFDC',
        status: 'AWAITING_WAVE',
        // "AU" is Australia to the offline geocoder: the address is placed in Melbourne 3000.
        fromLocation: { ref: 'LOC_MEL_STORE' },
        fromAddress: { city: 'Melbourne' },
        toAddress: { ref: 'SRC-1-ADDR', city: 'Melbourne' },
      },
    ]);
  });

  it('falls back to a store that has the stock; what no location has goes to a system-rejected fulfilment', async () => {
    const t = await createTestApp();
    // Seed stock of TSHIRT-BLK-M: LOC_MEL_STORE 5, LOC_SYD_STORE 38, LOC_MEL_DC 29.
    await create(t, 'SRC-2', 'TSHIRT-BLK-M', 30);
    await create(t, 'SRC-3', 'TSHIRT-BLK-M', 1000);
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const store = await t.gql<{ order: { fulfilments: { edges: { node: Record<string, unknown> }[] } } }>(FULFILMENT, { ref: 'SRC-2' });
    expect(store.data.order.fulfilments.edges[0]!.node).toMatchObject({ type: 'HD_PFDC', fromLocation: { ref: 'LOC_SYD_STORE' } }); // the workflow fixes the type
    // workflow-contracts.md §5.2: the order splits over every location with stock, and the rest is
    // system-rejected (before, the simulator made one fulfilment with no location).
    const none = await t.gql<{ order: { fulfilments: { edges: { node: Record<string, unknown> }[] } } }>(FULFILMENT, { ref: 'SRC-3' });
    const nodes = none.data.order.fulfilments.edges.map((e) => e.node).sort((a, b) => String(a['ref']).localeCompare(String(b['ref'])));
    expect(nodes.map((n) => (n['fromLocation'] as { ref: string }).ref)).toEqual(['LOC_MEL_DC', 'LOC_SYD_STORE', 'LOC_MEL_STORE', 'SYSTEM_REJECTED']);
    expect(nodes.at(-1)).toMatchObject({ type: 'HD_PFDC', status: 'ESCALATED' });
  });
});
