import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { substituteVars } from '../../server/cli/workflow-files.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A customer-style ORDER::HD workflow (test/fixtures/customer-library-rules) calling library rules
 * by their account-prefixed `commonv2.` / `commongi.` names, deployed with `--unknown-rules error`
 * (so every rule it names must be simulated), then driven over the GraphQL and Event APIs.
 */
const text = readFileSync(fileURLToPath(new URL('../fixtures/customer-library-rules/order-hd.json', import.meta.url)), 'utf8');
const workflow = JSON.parse(substituteVars(text, { account: 'ACME', retailer_id: '1' })) as Record<string, unknown>;

const ADDRESS = { ref: 'ADDR', name: 'Kim', street: '1 Collins St', city: 'Melbourne', postcode: '3000', country: 'AU' };

type Fulfilment = {
  ref: string;
  status: string;
  items: { edges: { node: { requestedQuantity: number; filledQuantity: number; rejectedQuantity: number } }[] };
};
type OrderState = { status: string; fulfilments: { edges: { node: Fulfilment }[] }; financialTransactions: { edges: { node: Record<string, unknown> }[] } };

describe('a customer workflow calling commonv2 / commongi library rules, under --unknown-rules error', () => {
  let t: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ unknownRules: 'error' });
  });
  beforeEach(async () => {
    await t.reset();
    auth = { Authorization: `Bearer ${await t.token()}` };
    const put = await request(t.app).put('/api/v4.1/workflow').set(auth).send(workflow);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });

  const createOrder = async (ref: string, withAddress: boolean): Promise<void> => {
    const created = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
      input: {
        ref,
        type: 'HD',
        retailer: { id: '1' },
        customer: { id: '1' },
        items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 2, price: 60 }],
        fulfilmentChoice: { deliveryType: 'STANDARD', ...(withAddress ? { deliveryAddress: { ...ADDRESS, ref: `${ref}-ADDR` } } : {}) },
      },
    });
    expect(created.errors).toBeUndefined();
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
  };
  const stateOf = async (ref: string): Promise<OrderState> => {
    const res = await t.gql<{ order: OrderState }>(
      `{ order(ref: "${ref}") { status
            fulfilments { edges { node { ref status items { edges { node { requestedQuantity filledQuantity rejectedQuantity } } } } } }
            financialTransactions { edges { node { ref type total currency paymentMethod cardType } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    return res.data.order;
  };
  const send = (body: Record<string, unknown>) =>
    request(t.app)
      .post('/api/v4.1/event/sync')
      .set(auth)
      .send({ retailerId: '1', ...body });
  const quantities = (f: Fulfilment) => f.items.edges.map((e) => e.node);

  it.each([
    { withAddress: true, status: 'BOOKED', fulfilments: ['AWAITING_WAVE'] },
    { withAddress: false, status: 'ESCALATED', fulfilments: [] },
  ])('CREATE branches on the delivery address (present: $withAddress → $status)', async ({ withAddress, status, fulfilments }) => {
    await createOrder('CL-1', withAddress);
    const state = await stateOf('CL-1');
    expect(state.status).toBe(status);
    expect(state.fulfilments.edges.map((e) => e.node.status)).toEqual(fulfilments);
  });

  it('PaymentReceived creates the financial transaction; a payment without its currency fails naming it', async () => {
    await createOrder('CL-2', true);
    const order = { entityType: 'ORDER', entitySubtype: 'HD', entityRef: 'CL-2', rootEntityType: 'ORDER', rootEntityRef: 'CL-2' };
    const payment = { ref: 'CL-2-PAY', type: 'PAYMENT', amount: 120, currency: 'AUD', paymentMethod: 'CREDITCARD', cardType: 'VISA' };
    const paid = await send({ name: 'PaymentReceived', ...order, attributes: payment });
    expect(paid.body.eventStatus).toBe('COMPLETE');
    const { amount, ...rest } = payment;
    expect((await stateOf('CL-2')).financialTransactions.edges.map((e) => e.node)).toEqual([{ ...rest, total: amount }]);

    const { currency: _currency, ...noCurrency } = payment;
    const failed = await send({ name: 'PaymentReceived', ...order, attributes: { ...noCurrency, ref: 'CL-2-PAY2' } });
    expect(failed.body.eventStatus).toBe('FAILED');
    expect(failed.body.errorMessage).toContain('needs the attribute "currency"');
    expect((await stateOf('CL-2')).financialTransactions.edges).toHaveLength(1);
  });

  it('CancelOrder cancels the order and, through commonv2.CancelFulfilment, its fulfilment with every item rejected', async () => {
    await createOrder('CL-3', true);
    const cancelled = await send({
      name: 'CancelOrder',
      entityType: 'ORDER',
      entitySubtype: 'HD',
      entityRef: 'CL-3',
      rootEntityType: 'ORDER',
      rootEntityRef: 'CL-3',
    });
    expect(cancelled.body.eventStatus).toBe('COMPLETE');
    const state = await stateOf('CL-3');
    expect(state.status).toBe('CANCELLED');
    const [fulfilment] = state.fulfilments.edges.map((e) => e.node);
    expect(fulfilment?.status).toBe('CANCELLED');
    expect(quantities(fulfilment!)).toEqual([{ requestedQuantity: 2, filledQuantity: 0, rejectedQuantity: 2 }]);
  });

  it('StoreReject rejects the fulfilment through commongi.RejectFulfilment', async () => {
    await createOrder('CL-4', true);
    const ref = (await stateOf('CL-4')).fulfilments.edges[0]!.node.ref;
    const rejected = await send({ name: 'StoreReject', entityType: 'FULFILMENT', entityRef: ref, rootEntityType: 'ORDER', rootEntityRef: 'CL-4' });
    expect(rejected.body.eventStatus).toBe('COMPLETE');
    const fulfilment = (await stateOf('CL-4')).fulfilments.edges[0]!.node;
    expect(fulfilment.status).toBe('REJECTED');
    expect(quantities(fulfilment)).toEqual([{ requestedQuantity: 2, filledQuantity: 0, rejectedQuantity: 2 }]);
  });

  it('the same workflow with a rule the simulator does not know is refused, naming it', async () => {
    const unknown = JSON.parse(substituteVars(text.replace('RejectFulfilment', 'RejectFulfilmentX'), { account: 'ACME', retailer_id: '1' }));
    const put = await request(t.app).put('/api/v4.1/workflow').set(auth).send(unknown);
    expect(put.status).toBe(400);
    expect(JSON.stringify(put.body)).toContain('ACME.commongi.RejectFulfilmentX');
  });
});

/**
 * Customer rulesets (test/fixtures/customer-library-rules/inventory-rulesets.json) added to the
 * default INVENTORY_CATALOGUE::DEFAULT workflow: a position, and its LAST_ON_HAND quantity, are
 * deactivated when its location or its product becomes INACTIVE.
 */
const fixtureText = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/customer-library-rules/${name}`, import.meta.url)), 'utf8');
const defaultInventory = JSON.parse(readFileSync(fileURLToPath(new URL('../../rulesets/inventory-catalogue-default.json', import.meta.url)), 'utf8')) as {
  rulesets: unknown[];
};
const customerInventory = JSON.parse(substituteVars(fixtureText('inventory-rulesets.json'), { account: 'ACME', retailer_id: '1' })) as { rulesets: unknown[] };
const inventoryWorkflow = { ...defaultInventory, retailerId: '1', rulesets: [...defaultInventory.rulesets, ...customerInventory.rulesets] };

describe('customer inventory rulesets calling commongi library rules, under --unknown-rules error', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  const POSITION = 'RUNNER-42:LOC_MEL_DC';

  beforeAll(async () => {
    t = await createTestApp({ unknownRules: 'error' });
  });
  beforeEach(async () => {
    await t.reset();
    auth = { Authorization: `Bearer ${await t.token()}` };
    const put = await request(t.app).put('/api/v4.1/workflow').set(auth).send(inventoryWorkflow);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });

  const positionState = async () => {
    const res = await t.gql<{ inventoryPosition: { status: string; quantities: { edges: { node: { type: string; status: string } }[] } } }>(
      `{ inventoryPosition(ref: "${POSITION}", catalogue: { ref: "DEFAULT:1" }) { status quantities { edges { node { type status } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data.inventoryPosition;
    return { status: p.status, quantities: p.quantities.edges.map((e) => `${e.node.type}:${e.node.status}`) };
  };
  const check = (name: string) =>
    request(t.app).post('/api/v4.1/event/sync').set(auth).send({
      name,
      retailerId: '1',
      entityType: 'INVENTORY_POSITION',
      entityRef: POSITION,
      rootEntityType: 'INVENTORY_CATALOGUE',
      rootEntityRef: 'DEFAULT:1',
    });
  const mutate = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables);
    expect(res.errors).toBeUndefined();
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
  };
  const deactivateLocation = async () => {
    const location = await t.gql<{ location: { id: string } }>('{ location(ref: "LOC_MEL_DC") { id } }');
    await mutate('mutation($input: UpdateLocationInput) { updateLocation(input: $input) { id } }', {
      input: { id: location.data.location.id, status: 'INACTIVE' },
    });
  };
  const deactivateProduct = () =>
    mutate('mutation($input: UpdateVariantProductInput) { updateVariantProduct(input: $input) { id } }', {
      input: { ref: 'RUNNER-42', catalogue: { ref: 'PC:MASTER:1' }, status: 'INACTIVE' },
    });

  it.each([
    { event: 'CheckLocationStatusChange', change: deactivateLocation },
    { event: 'CheckProductStatusChange', change: deactivateProduct },
  ])('$event leaves the position alone, then deactivates it and its LAST_ON_HAND once that became INACTIVE', async ({ event, change }) => {
    const before = await positionState();
    expect(before.status).not.toBe('INACTIVE');
    expect((await check(event)).body.eventStatus).toBe('COMPLETE');
    expect(await positionState()).toEqual(before);

    await change();
    expect((await positionState()).status, 'the change alone does not deactivate the position').toBe(before.status);
    expect((await check(event)).body.eventStatus).toBe('COMPLETE');
    const after = await positionState();
    expect(after.status).toBe('INACTIVE');
    expect(after.quantities).toContain('LAST_ON_HAND:INACTIVE');
    expect(after.quantities.filter((q) => !q.startsWith('LAST_ON_HAND'))).toEqual(before.quantities.filter((q) => !q.startsWith('LAST_ON_HAND')));
  });
});
