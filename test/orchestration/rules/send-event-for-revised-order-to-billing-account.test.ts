import { describe, expect, it } from 'vitest';
import { sendEventForRevisedOrderToBillingAccount as rule } from '../../../server/orchestration/rules/send-event-for-revised-order-to-billing-account.js';
import { billingWorld, pricedOrder } from './billing-fixtures.js';
import { ruleInput } from './fake-reader.js';

const order = pricedOrder('CANCELLED');
const run = (account: boolean, o = order) =>
  rule.run(ruleInput(o, { eventName: 'ProcessCreditForRevisedOrder' }, { data: billingWorld({ order: o, account }) }));
const reference = { entityReference: { entityType: 'ORDER', entityId: 'o1', entityRef: 'HD-1', entitySubtype: 'HD' } };

describe('order.SendEventForRevisedOrderToBillingAccount', () => {
  it.each([
    { account: true, effects: ['sendEvent'], ref: 'BA-KIM' },
    { account: false, effects: ['mutate', 'sendEvent'], ref: 'BA-kim@example.com' },
  ])('sends the order reference (billing account exists: $account)', ({ account, effects, ref }) => {
    const out = run(account);
    expect(out.map((e) => e.type)).toEqual(effects);
    expect(out.at(-1)).toMatchObject({ event: { name: 'ProcessCreditForRevisedOrder', entityType: 'BILLING_ACCOUNT', entityRef: ref, attributes: reference } });
  });

  it('fails for an order without a customer', () => {
    expect(() => run(true, pricedOrder('CANCELLED', { customer: null }))).toThrow('has no customer');
  });
});
