import { describe, expect, it } from 'vitest';
import { createCreditMemoFromReturnOrder as rule } from '../../../server/orchestration/rules/create-credit-memo-from-return-order.js';
import { billingAccount, billingWorld, CUSTOMER, TAX_SETTINGS } from './billing-fixtures.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const ret = entity({
  entityType: 'RETURN_ORDER',
  id: 'r1',
  ref: 'RET-1',
  subtype: 'DEFAULT',
  fields: { customer: CUSTOMER, currency: { alphabeticCode: 'AUD' }, order: { ref: 'HD-1' } },
});
const returnItems = [
  { ref: 'RET-1-1', unitQuantity: { quantity: 2 }, unitAmount: { amount: 11 }, returnReason: { value: 'BROKEN' } },
  { ref: 'RET-1-2', unitQuantity: { quantity: 1 }, unitAmount: { amount: 5.5 } },
];
const run = (attributes: Record<string, unknown>, settings = TAX_SETTINGS) =>
  rule.run(
    ruleInput(billingAccount, rule.props.parse(null), {
      event: eventOn(billingAccount, 'ProcessCreditForReturn', attributes),
      data: billingWorld({ account: true, settings, entities: [ret], related: { 'RETURN_ORDER:r1:returnOrderItems': returnItems } }),
    }),
  );

describe('base.CreateCreditMemoFromReturnOrder', () => {
  it.each([{ reference: { entityType: 'RETURN_ORDER', entityId: 'r1' } }, { reference: { entityRef: 'RET-1' } }])(
    'credits the return $reference',
    ({ reference }) => {
      const [effect] = run({ entityReference: reference });
      expect(effect).toMatchObject({
        type: 'mutate',
        mutation: 'createCreditMemo',
        input: {
          ref: 'RET-1-CM1',
          billingAccount: { ref: 'BA-KIM' },
          order: { ref: 'HD-1' },
          returnOrder: { ref: 'RET-1', retailer: { id: '1' } },
          currency: { alphabeticCode: 'AUD' },
          totalAmount: { amount: 27.5 },
          totalTax: { amount: 2.5 },
          items: [
            {
              ref: 'RET-1-CM1-1',
              returnOrderItem: { ref: 'RET-1-1', returnOrder: { ref: 'RET-1' } },
              creditReasonCode: { value: 'BROKEN' },
              amount: { amount: 22 },
            },
            { ref: 'RET-1-CM1-2', returnOrderItem: { ref: 'RET-1-2' }, amount: { amount: 5.5 } },
          ],
        },
      });
    },
  );

  it.each([
    { attributes: {}, message: '"entityReference"' },
    { attributes: { entityReference: { entityRef: 'RET-404' } }, message: 'RETURN_ORDER RET-404 was not found' },
    { attributes: { entityReference: { entityRef: 'RET-1' } }, settings: [], message: 'DEFAULT_TAX_TYPE is missing' },
  ])('fails: $message', ({ attributes, settings, message }) => {
    expect(() => run(attributes, settings)).toThrow(message);
  });
});
