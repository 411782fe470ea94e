import { describe, expect, it } from 'vitest';
import { verifyBillingAccount as rule } from '../../../server/orchestration/rules/verify-billing-account.js';
import { billingAccount, billingWorld, pricedOrder } from './billing-fixtures.js';
import { eventOn, fulfilment, ruleInput } from './fake-reader.js';

const props = { BillingAccountExistsEventName: 'ProcessBillingAccount', NoBillingAccountExistsEventName: 'NewBillingAccount' };
const order = pricedOrder();
const run = (accounts: number, target = order) => {
  const extra = Array.from({ length: Math.max(0, accounts - 1) }, (_, i) => ({ ...billingAccount, id: `ba${i + 2}`, ref: `BA-${i + 2}` }));
  return rule.run(
    ruleInput(target, props, {
      event: eventOn(target, 'OrderAppeasement', { appeasementAmount: 5 }),
      data: billingWorld({ account: accounts > 0, entities: extra }),
    }),
  );
};

describe('order.VerifyBillingAccount', () => {
  it.each([
    { accounts: 1, name: 'ProcessBillingAccount', attributes: { appeasementAmount: 5, billingAccountRef: 'BA-KIM' } },
    { accounts: 0, name: 'NewBillingAccount', attributes: { appeasementAmount: 5 } },
  ])('with $accounts billing account(s) forwards $name', ({ accounts, name, attributes }) => {
    expect(run(accounts)).toEqual([{ type: 'sendEvent', event: expect.objectContaining({ name, entityType: 'ORDER', entityId: 'o1', attributes }) }]);
  });

  it.each([
    { title: 'two billing accounts', accounts: 2, target: order, message: 'has 2 billing accounts' },
    { title: 'a fulfilment', accounts: 1, target: fulfilment('f1', 'CREATED'), message: 'runs on ORDER or RETURN_ORDER' },
  ])('fails on $title', ({ accounts, target, message }) => {
    expect(() => run(accounts, target)).toThrow(message);
  });

  it('needs both event names', () => {
    expect(rule.props.safeParse({ BillingAccountExistsEventName: 'X' }).success).toBe(false);
  });
});
