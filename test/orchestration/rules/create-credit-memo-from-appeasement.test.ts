import { describe, expect, it } from 'vitest';
import { createCreditMemoFromAppeasement as rule } from '../../../server/orchestration/rules/create-credit-memo-from-appeasement.js';
import { billingAccount, billingWorld, TAX_SETTINGS } from './billing-fixtures.js';
import { eventOn, NOW, ruleInput } from './fake-reader.js';

const attributes = (amount: unknown) => ({
  entityReference: { entityType: 'ORDER', entityId: 'o1', entityRef: 'HD-1' },
  appeasementInfo: { appeasementAmount: amount, appeasementReason: 'LATE', comment: 'sorry' },
});
const run = (props: unknown, attrs: Record<string, unknown>, settings = TAX_SETTINGS) =>
  rule.run(
    ruleInput(billingAccount, rule.props.parse(props), {
      event: eventOn(billingAccount, 'ProcessCreditForAppeasement', attrs),
      data: billingWorld({ account: true, settings }),
    }),
  );

describe('order.CreateCreditMemoFromAppeasement', () => {
  it.each([
    { props: null, amount: '22', types: ['CREDIT_MEMO', 'CREDIT_MEMO_ITEM'], tax: 2, sub: 20 },
    { props: { creditMemoType: 'REFUND', creditMemoItemType: 'REFUND_ITEM' }, amount: 11, types: ['REFUND', 'REFUND_ITEM'], tax: 1, sub: 10 },
  ])('creates a $types.0 memo for $amount', ({ props, amount, types, tax, sub }) => {
    const [effect] = run(props, attributes(amount));
    const total = Number(amount);
    expect(effect).toEqual({
      type: 'mutate',
      mutation: 'createCreditMemo',
      input: {
        ref: 'HD-1-CM1',
        type: types[0],
        billingAccount: { ref: 'BA-KIM' },
        order: { ref: 'HD-1', retailer: { id: '1' } },
        issueDate: NOW.toISOString(),
        currency: { alphabeticCode: 'AUD' },
        defaultTaxType: { country: 'AU', group: 'STANDARD', tariff: 'GST' },
        subTotalAmount: { amount: sub },
        totalTax: { amount: tax },
        totalAmount: { amount: total },
        totalBalance: { amount: total },
        items: [
          {
            ref: 'HD-1-CM1-1',
            type: types[1],
            description: 'sorry',
            creditReasonCode: { value: 'LATE', label: 'LATE' },
            unitQuantity: { quantity: 1 },
            unitTaxType: { country: 'AU', group: 'STANDARD', tariff: 'GST' },
            unitAmount: { amount: total },
            amount: { amount: total },
            taxAmount: { amount: tax },
          },
        ],
      },
    });
  });

  it.each([
    { attrs: { appeasementInfo: attributes(1).appeasementInfo }, message: '"entityReference"' },
    { attrs: { entityReference: attributes(1).entityReference }, message: '"appeasementInfo"' },
    { attrs: attributes(1), settings: [], message: 'setting DEFAULT_TAX_TYPE is missing' },
    { attrs: { ...attributes(1), entityReference: { entityRef: 'NOPE' } }, message: 'ORDER NOPE was not found' },
  ])('fails: $message', ({ attrs, settings, message }) => {
    expect(() => run(null, attrs, settings)).toThrow(message);
  });
});
