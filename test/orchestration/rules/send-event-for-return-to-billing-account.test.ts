import { describe, expect, it } from 'vitest';
import { sendEventForReturnToBillingAccount as rule } from '../../../server/orchestration/rules/send-event-for-return-to-billing-account.js';
import { billingWorld, CUSTOMER, pricedOrder } from './billing-fixtures.js';
import { entity, ruleInput } from './fake-reader.js';

const ret = entity({ entityType: 'RETURN_ORDER', id: 'r1', ref: 'RET-1', subtype: 'DEFAULT', status: 'RECEIVED', fields: { customer: CUSTOMER } });
const run = (target = ret, account = true) =>
  rule.run(ruleInput(target, { eventName: 'ProcessCreditForReturn' }, { data: billingWorld({ account, entities: [target] }) }));

describe('base.SendEventForReturnToBillingAccount', () => {
  it.each([
    { account: true, effects: ['sendEvent'], ref: 'BA-KIM' },
    { account: false, effects: ['mutate', 'sendEvent'], ref: 'BA-kim@example.com' },
  ])('sends the return reference to the billing account (exists: $account)', ({ account, effects, ref }) => {
    const out = run(ret, account);
    expect(out.map((e) => e.type)).toEqual(effects);
    expect(out.at(-1)).toMatchObject({
      event: {
        name: 'ProcessCreditForReturn',
        entityRef: ref,
        attributes: { entityReference: { entityType: 'RETURN_ORDER', entityId: 'r1', entityRef: 'RET-1' } },
      },
    });
  });

  it.each([
    { title: 'an order', target: pricedOrder(), message: 'runs on RETURN_ORDER' },
    { title: 'a return without customer', target: { ...ret, fields: {} }, message: 'has no customer' },
  ])('fails on $title', ({ target, message }) => {
    expect(() => run(target)).toThrow(message);
  });
});
