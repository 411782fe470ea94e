import request from 'supertest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createBillingSettings, createPricedOrder } from './order-appeasement-fixtures.js';

/**
 * ORDER::HD / ORDER::CC `OrderAppeasement` (workflow-contracts.md §5.1, §9.2) end to end: the
 * integration sends the appeasement to the order; the customer's billing account
 * (BILLING_ACCOUNT::CUSTOMER, created on demand [inferred]) gets a CREDIT_MEMO with one
 * CREDIT_MEMO_ITEM, readable over GraphQL; a missing required attribute fails the event naming it.
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

const appease = (ref: string, subtype: string, attributes: Record<string, unknown>) =>
  request(t.app).post('/api/v4.1/event/sync').set(auth).send({
    name: 'OrderAppeasement',
    retailerId: '1',
    entityType: 'ORDER',
    entitySubtype: subtype,
    entityRef: ref,
    rootEntityType: 'ORDER',
    rootEntityRef: ref,
    attributes,
  });

type Memo = {
  ref: string;
  type: string;
  status: string;
  order: { ref: string } | null;
  currency: { alphabeticCode: string };
  defaultTaxType: { country: string; group: string; tariff: string };
  totalAmount: { amount: number };
  totalTax: { amount: number };
  subTotalAmount: { amount: number };
  items: { edges: { node: { type: string; amount: { amount: number }; creditReasonCode: { value: string } | null; description: string } }[] };
};
const memoFields =
  'ref type status order { ref } currency { alphabeticCode } defaultTaxType { country group tariff } totalAmount { amount } totalTax { amount } subTotalAmount { amount } items { edges { node { type amount { amount } creditReasonCode { value } description } } }';

describe('OrderAppeasement', () => {
  it.each(['HD', 'CC'] as const)('on a %s order credits the customer through a credit memo on their billing account', async (type) => {
    await createBillingSettings(t);
    await createPricedOrder(t, `AP-${type}`, type);
    await drain();
    const sent = await appease(`AP-${type}`, type, { appeasementAmount: '22.00', appeasementReason: 'LATE_DELIVERY', comment: 'Sorry for the wait' });
    expect(sent.body.eventStatus).toBe('COMPLETE');
    await drain();

    const accounts = await t.gql<{ billingAccounts: { edges: { node: { ref: string; type: string; status: string; customer: { ref: string } } }[] } }>(
      '{ billingAccounts(first: 5) { edges { node { ref type status customer { ref } } } } }',
    );
    expect(accounts.data.billingAccounts.edges.map((e) => e.node)).toEqual([
      { ref: 'BA-jane.citizen@example.com', type: 'CUSTOMER', status: 'ACTIVE', customer: { ref: 'jane.citizen@example.com' } },
    ]);
    const memo = await t.gql<{ creditMemo: Memo }>(`{ creditMemo(ref: "AP-${type}-CM1") { ${memoFields} } }`);
    expect(memo.errors).toBeUndefined();
    expect(memo.data.creditMemo).toEqual({
      ref: `AP-${type}-CM1`,
      type: 'CREDIT_MEMO',
      status: 'ISSUED',
      order: { ref: `AP-${type}` },
      currency: { alphabeticCode: 'AUD' },
      defaultTaxType: { country: 'AU', group: 'STANDARD', tariff: 'GST' },
      totalAmount: { amount: 22 },
      totalTax: { amount: 2 },
      subTotalAmount: { amount: 20 },
      items: {
        edges: [
          { node: { type: 'CREDIT_MEMO_ITEM', amount: { amount: 22 }, creditReasonCode: { value: 'LATE_DELIVERY' }, description: 'Sorry for the wait' } },
        ],
      },
    });

    // A second appeasement goes on the same billing account as a second memo.
    expect((await appease(`AP-${type}`, type, { appeasementAmount: 5, appeasementReason: 'GOODWILL' })).body.eventStatus).toBe('COMPLETE');
    await drain();
    const again = await t.gql<{ billingAccount: { creditMemos: { edges: { node: { ref: string; totalAmount: { amount: number } } }[] } } }>(
      '{ billingAccount(ref: "BA-jane.citizen@example.com") { creditMemos { edges { node { ref totalAmount { amount } } } } } }',
    );
    expect(again.data.billingAccount.creditMemos.edges.map((e) => e.node).sort((a, b) => a.ref.localeCompare(b.ref))).toEqual([
      { ref: `AP-${type}-CM1`, totalAmount: { amount: 22 } },
      { ref: `AP-${type}-CM2`, totalAmount: { amount: 5 } },
    ]);
  });

  it.each([
    { attributes: { appeasementReason: 'LATE' }, missing: 'appeasementAmount' },
    { attributes: { appeasementAmount: '10' }, missing: 'appeasementReason' },
    { attributes: { appeasementAmount: '', appeasementReason: 'LATE' }, missing: 'appeasementAmount' },
  ])('fails, naming $missing, when it is missing', async ({ attributes, missing }) => {
    await createPricedOrder(t, 'AP-BAD', 'HD');
    await drain();
    const sent = await appease('AP-BAD', 'HD', attributes);
    expect(sent.body.eventStatus).toBe('FAILED');
    expect(sent.body.errorMessage).toContain(`needs the attribute "${missing}"`);
    await drain();
    expect((await t.gql<{ billingAccounts: { edges: unknown[] } }>('{ billingAccounts { edges { node { id } } } }')).data.billingAccounts.edges).toEqual([]);
  });

  it('fails when setting DEFAULT_TAX_TYPE is missing, and creates no credit memo', async () => {
    await createPricedOrder(t, 'AP-NOTAX', 'HD');
    await drain();
    expect((await appease('AP-NOTAX', 'HD', { appeasementAmount: '10', appeasementReason: 'LATE' })).body.eventStatus).toBe('COMPLETE');
    await drain();
    const memo = await t.gql<{ creditMemo: unknown }>('{ creditMemo(ref: "AP-NOTAX-CM1") { ref } }');
    expect(memo.data.creditMemo).toBeNull();
    const events = await request(t.app).get('/api/v4.1/event').query({ name: 'ProcessCreditForAppeasement' }).set(auth);
    // The Event API body is untyped JSON; the shape is the documented event record.
    const processed = (events.body.results as { type: string; eventStatus: string }[]).filter((e) => e.type === 'ORCHESTRATION');
    expect(processed).toMatchObject([{ eventStatus: 'FAILED' }]);
  });
});
