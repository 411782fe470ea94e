import { describe, expect, it } from 'vitest';
import { sendEventForCreditMemoToReturn as rule } from '../../../server/orchestration/rules/send-event-for-credit-memo-to-return.js';
import { entity, ruleInput } from './fake-reader.js';

const returnOrder = entity({ entityType: 'RETURN_ORDER', id: 'r1', ref: 'RET-1', subtype: 'DEFAULT' });
const memo = (returnLink: unknown) =>
  entity({
    entityType: 'CREDIT_MEMO',
    id: 'cm1',
    ref: 'CM-1',
    root: { entityType: 'BILLING_ACCOUNT', id: 'ba1', ref: 'BA' },
    fields: { returnOrder: returnLink },
  });

describe('base.SendEventForCreditMemoToReturn', () => {
  it.each([{ link: { id: 'r1', ref: 'RET-1' } }, { link: { ref: 'RET-1' } }])('sends the event to the return order $link', ({ link }) => {
    const effects = rule.run(ruleInput(memo(link), { eventName: 'CreditMemoCreated' }, { data: { entities: [returnOrder] } }));
    expect(effects).toMatchObject([
      { type: 'sendEvent', event: { name: 'CreditMemoCreated', entityType: 'RETURN_ORDER', entityId: 'r1', rootEntityType: 'RETURN_ORDER' } },
    ]);
  });

  it.each([{ link: null }, { link: { ref: 'RET-404' } }])('fails without a return order ($link)', ({ link }) => {
    expect(() => rule.run(ruleInput(memo(link), { eventName: 'X' }, { data: { entities: [returnOrder] } }))).toThrow(/has no return order/);
  });

  it('needs props.eventName', () => {
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});
