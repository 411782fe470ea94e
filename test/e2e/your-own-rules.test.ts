import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createRuleRegistry } from '../../server/orchestration/rule-registry.js';
import { BUILTIN_RULES } from '../../server/orchestration/rules/index.js';
import { scaffoldStubs } from '../../server/cli/scaffold-stubs.js';
import { parseVars, substituteVars } from '../../server/cli/workflow-files.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The worked example of docs/your-own-rules.md: a customer-style ORDER::HD workflow whose own
 * rules exist only as rule stubs, deployed as a deploy script would (placeholders substituted,
 * PUT /api/v4.1/workflow), then driven from createOrder to COMPLETE over the Event API.
 */
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/your-own-rules/${name}`, import.meta.url));
const vars = parseVars(readFileSync(fixture('vars.json'), 'utf8'), 'vars.json');
const workflow = JSON.parse(substituteVars(readFileSync(fixture('workflows/order-hd.json'), 'utf8'), vars)) as Record<string, unknown>;

type Audit = { name: string; category: string; attributes: { name: string; value: unknown }[] | null; context: { entityType: string; sourceEvents: string[] } };

async function deploy(t: TestApp, auth: Record<string, string>): Promise<void> {
  const put = await request(t.app).put('/api/v4.1/workflow').set(auth).send(workflow);
  expect(put.status).toBe(200);
}

async function createOrder(t: TestApp, ref: string, price?: number): Promise<void> {
  const created = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
    input: {
      ref,
      type: 'HD',
      retailer: { id: '1' },
      customer: { id: '1' },
      items: [{ ref: `${ref}-1`, productRef: 'RUNNER-42', quantity: 1, ...(price !== undefined ? { price } : {}) }],
    },
  });
  expect(created.errors).toBeUndefined();
  await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
}

const stateOf = async (t: TestApp, ref: string) =>
  (
    await t.gql<{
      order: { status: string; fulfilments: { edges: { node: { ref: string; status: string; attributes: { name: string; value: unknown }[] } }[] } };
    }>(`{ order(ref: "${ref}") { status fulfilments { edges { node { ref status attributes { name value } } } } } }`)
  ).data.order;

describe('docs/your-own-rules.md worked example', () => {
  it('takes an HD order from createOrder to COMPLETE through stubs, and the audit trail shows each stub and branch', async () => {
    const t = await createTestApp({ ruleStubs: fixture('stubs.json'), unknownRules: 'error' });
    const auth = { Authorization: `Bearer ${await t.token()}` };
    await deploy(t, auth);

    await createOrder(t, 'OWN-1', 129.95);
    const booked = await stateOf(t, 'OWN-1');
    expect(booked.status).toBe('BOOKED');
    expect(booked.fulfilments.edges.map((e) => e.node.status)).toEqual(['AWAITING_WAVE']);
    const fulfilmentRef = booked.fulfilments.edges[0]!.node.ref;
    expect(fulfilmentRef).toBe('OWN-1-F1');

    const send = (name: string, attributes: Record<string, unknown> = {}) =>
      request(t.app)
        .post('/api/v4.1/event/sync')
        .set(auth)
        .send({ name, retailerId: '1', entityType: 'FULFILMENT', entityRef: fulfilmentRef, rootEntityType: 'ORDER', rootEntityRef: 'OWN-1', attributes });
    expect((await send('ConfirmPick')).body.eventStatus).toBe('COMPLETE');
    expect((await stateOf(t, 'OWN-1')).status).toBe('PICK_PACK');
    expect((await send('ConfirmShip', { trackingNumber: 'TRK-123' })).body.eventStatus).toBe('COMPLETE');

    const done = await stateOf(t, 'OWN-1');
    expect(done.status).toBe('COMPLETE');
    expect(done.fulfilments.edges[0]!.node).toMatchObject({
      status: 'SHIPPED',
      attributes: expect.arrayContaining([
        { name: 'carrier', value: 'AUSPOST' },
        { name: 'trackingNumber', value: 'TRK-123' },
      ]),
    });

    const res = await request(t.app).get('/api/v4.1/event').query({ 'context.rootEntityRef': 'OWN-1', category: 'stub', count: 100 }).set(auth);
    const stubs = (res.body.results as Audit[])
      .map((audit) => ({
        stub: audit.name,
        branches: ((audit.attributes?.find((a) => a.name === 'branches')?.value ?? []) as { branch: string; taken: string }[]).map(
          (b) => `${b.branch}: ${b.taken}`,
        ),
      }))
      .reverse();
    expect(stubs).toEqual([
      { stub: 'ACME.acmeorder.CaptureOrderActivity ran as a stub', branches: [] },
      { stub: 'ACME.acmeorder.ValidateOrderItems ran as a stub', branches: ['every item has a price and a quantity: then'] },
      { stub: 'ACME.acmeorder.NotifyErp ran as a stub', branches: [] },
      { stub: 'ACME.acmeorder.CheckOrderStatusMatchesList ran as a stub', branches: ['order status in statusList: then'] },
      { stub: 'ACME.acmeorder.SetTrackingDetails ran as a stub', branches: [] },
      { stub: 'ACME.acmeorder.SendEventIfAllFulfilmentsMatch ran as a stub', branches: ['all fulfilments in statusList: then'] },
      { stub: 'ACME.acmeorder.NotifyErp ran as a stub', branches: [] },
    ]);
  });

  it('takes the else branches: an order with an item without a price is escalated', async () => {
    const t = await createTestApp({ ruleStubs: fixture('stubs.json') });
    await deploy(t, { Authorization: `Bearer ${await t.token()}` });
    await createOrder(t, 'OWN-2');
    expect((await stateOf(t, 'OWN-2')).status).toBe('ESCALATED');
  });

  it('moves an order further with the unedited scaffold than with --unknown-rules skip alone', async () => {
    const skipOnly = await createTestApp();
    await deploy(skipOnly, { Authorization: `Bearer ${await skipOnly.token()}` });
    await createOrder(skipOnly, 'OWN-3', 10);
    expect((await stateOf(skipOnly, 'OWN-3')).status).toBe('CREATED');

    const scaffold = scaffoldStubs(
      [{ source: 'order-hd.json', text: JSON.stringify(workflow) }],
      createRuleRegistry(BUILTIN_RULES, { unknownRulePolicy: 'skip' }),
    );
    const scaffolded = await createTestApp();
    const auth = { Authorization: `Bearer ${await scaffolded.token()}` };
    await deploy(scaffolded, auth);
    const posted = await request(scaffolded.app).post('/_sim/rule-stubs').set(auth).send(scaffold);
    expect(posted.status).toBe(200);
    await createOrder(scaffolded, 'OWN-3', 10);
    const state = await stateOf(scaffolded, 'OWN-3');
    expect(state.status).toBe('BOOKED');
    expect(state.fulfilments.edges.map((e) => e.node.status)).toEqual(['AWAITING_WAVE']);
  });
});
