import { describe, expect, it } from 'vitest';
import { sendEventForAppeasementToBillingAccount as rule } from '../../../server/orchestration/rules/send-event-for-appeasement-to-billing-account.js';
import { billingWorld, pricedOrder } from './billing-fixtures.js';
import { eventOn, ruleInput } from './fake-reader.js';

const order = pricedOrder();
const run = (attributes: Record<string, unknown>, account = true) =>
  rule.run(
    ruleInput(order, { eventName: 'ProcessCreditForAppeasement' }, { event: eventOn(order, 'OrderAppeasement', attributes), data: billingWorld({ account }) }),
  );
const valid = { appeasementAmount: '22.50', appeasementReason: 'LATE', comment: 'sorry' };

describe('order.SendEventForAppeasementToBillingAccount', () => {
  it.each([
    { attributes: valid, info: { appeasementAmount: 22.5, appeasementReason: 'LATE', comment: 'sorry' } },
    { attributes: { appeasementAmount: 5, appeasementReason: 'GOODWILL' }, info: { appeasementAmount: 5, appeasementReason: 'GOODWILL', comment: null } },
  ])('sends $attributes to the billing account', ({ attributes, info }) => {
    expect(run(attributes)).toEqual([
      {
        type: 'sendEvent',
        event: expect.objectContaining({
          name: 'ProcessCreditForAppeasement',
          entityType: 'BILLING_ACCOUNT',
          entityRef: 'BA-KIM',
          rootEntityType: 'BILLING_ACCOUNT',
          rootEntityRef: 'BA-KIM',
          attributes: { entityReference: { entityType: 'ORDER', entityId: 'o1', entityRef: 'HD-1', entitySubtype: 'HD' }, appeasementInfo: info },
        }),
      },
    ]);
  });

  it('creates the billing account first when the customer has none [inferred]', () => {
    const effects = run(valid, false);
    expect(effects[0]).toEqual({
      type: 'mutate',
      mutation: 'createBillingAccount',
      input: { ref: 'BA-kim@example.com', type: 'CUSTOMER', name: 'Kim Lee', retailer: { id: '1' }, customer: { ref: 'kim@example.com' } },
    });
    expect(effects[1]).toMatchObject({ type: 'sendEvent', event: { entityRef: 'BA-kim@example.com', entitySubtype: 'CUSTOMER' } });
  });

  it.each([
    { attributes: { appeasementReason: 'LATE' }, message: 'needs the attribute "appeasementAmount"' },
    { attributes: { appeasementAmount: '10' }, message: 'needs the attribute "appeasementReason"' },
    { attributes: { appeasementAmount: '  ', appeasementReason: 'LATE' }, message: 'needs the attribute "appeasementAmount"' },
    { attributes: { appeasementAmount: 'ten', appeasementReason: 'LATE' }, message: '"appeasementAmount"' },
    { attributes: { appeasementAmount: -3, appeasementReason: 'LATE' }, message: '"appeasementAmount"' },
  ])('fails naming the attribute: $attributes', ({ attributes, message }) => {
    expect(() => run(attributes)).toThrow(message);
  });

  it('needs props.eventName', () => {
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});
