import { describe, expect, it } from 'vitest';
import { createBillingAccount as rule } from '../../../server/orchestration/rules/create-billing-account.js';
import { billingWorld, pricedOrder } from './billing-fixtures.js';
import { eventOn, ruleInput } from './fake-reader.js';

const order = pricedOrder();
const run = (props: { eventName: string; billingAccountType?: string }, account = false, target = order) =>
  rule.run(ruleInput(target, rule.props.parse(props), { event: eventOn(target, 'NewBillingAccount'), data: billingWorld({ account }) }));

describe('order.CreateBillingAccount', () => {
  it.each([
    { props: { eventName: 'ProcessBillingAccount' }, type: 'CUSTOMER' },
    { props: { eventName: 'ProcessBillingAccount', billingAccountType: 'B2B' }, type: 'B2B' },
  ])('creates a $type billing account and forwards the event', ({ props, type }) => {
    expect(run(props)).toEqual([
      {
        type: 'mutate',
        mutation: 'createBillingAccount',
        input: { ref: 'BA-kim@example.com', type, name: 'Kim Lee', retailer: { id: '1' }, customer: { ref: 'kim@example.com' } },
      },
      {
        type: 'sendEvent',
        event: expect.objectContaining({ name: 'ProcessBillingAccount', entityType: 'ORDER', attributes: { billingAccountRef: 'BA-kim@example.com' } }),
      },
    ]);
  });

  it('creates none when the customer has one', () => {
    expect(run({ eventName: 'Next' }, true)).toEqual([
      { type: 'sendEvent', event: expect.objectContaining({ name: 'Next', attributes: { billingAccountRef: 'BA-KIM' } }) },
    ]);
  });

  it('fails for an order without a customer', () => {
    expect(() => run({ eventName: 'Next' }, false, pricedOrder('BOOKED', { customer: null }))).toThrow('has no customer');
  });
});
