import { describe, expect, it } from 'vitest';
import { createReturnOrderFromOrder as rule } from '../../../server/orchestration/rules/create-return-order-from-order.js';
import { billingWorld, pricedOrder, RETURN_SETTINGS, TAX_SETTINGS } from './billing-fixtures.js';
import { eventOn, ruleInput } from './fake-reader.js';

const order = pricedOrder('COMPLETE');
const run = (attributes: Record<string, unknown>, options: { settings?: typeof TAX_SETTINGS } = {}) =>
  rule.run(
    ruleInput(order, rule.props.parse(null), {
      event: eventOn(order, 'CreateReturnOrder', attributes),
      data: billingWorld({ order, settings: options.settings ?? RETURN_SETTINGS }),
    }),
  );
const input = (effects: ReturnType<typeof run>) => (effects[0]?.type === 'mutate' ? effects[0].input : undefined);

describe('order.CreateReturnOrderFromOrder', () => {
  it('creates the return order with the documented attributes', () => {
    const effects = run({
      type: 'DEFAULT',
      ref: 'RMA-1',
      lodgedLocation: 'LOC_STORE',
      destinationLocation: 'LOC_WH',
      pickupLocation: { street: '1 Main St', city: 'Melbourne', ignored: 'x' },
      returnAuthorisationKey: 'K1',
      returnAuthorisationKeyExpiry: '2026-02-01T00:00:00Z',
      returnAuthorisationDisposition: { value: 'REFUND', label: 'Refund' },
      returnVerifications: { ref: 'V1', type: 'EMAIL', verificationDetails: 'ok' },
      currency: { alphabeticCode: 'NZD' },
      taxType: { country: 'NZ', group: 'STANDARD', tariff: 'GST' },
      returnItems: [{ orderItemRef: 'HD-1-1', quantity: 2, returnReason: { value: 'BROKEN', label: 'Broken' }, returnReasonComment: 'cracked' }],
    });
    expect(effects).toEqual([
      {
        type: 'mutate',
        mutation: 'createReturnOrder',
        input: {
          ref: 'RMA-1',
          type: 'DEFAULT',
          retailer: { id: '1' },
          customer: { ref: 'kim@example.com' },
          order: { ref: 'HD-1', retailer: { id: '1' } },
          returnVerifications: [{ ref: 'V1', type: 'EMAIL', verificationDetails: 'ok' }],
          returnAuthorisationKey: 'K1',
          returnAuthorisationKeyExpiry: '2026-02-01T00:00:00Z',
          returnAuthorisationDisposition: { value: 'REFUND', label: 'Refund' },
          pickupAddress: { street: '1 Main St', city: 'Melbourne' },
          lodgedLocation: { ref: 'LOC_STORE' },
          destinationLocation: { ref: 'LOC_WH' },
          returnOrderItems: [
            {
              ref: 'RMA-1-1',
              type: 'DEFAULT',
              product: { ref: 'SKU-1', catalogue: { ref: 'PC:1' } },
              orderItem: { ref: 'HD-1-1', order: { ref: 'HD-1', retailer: { id: '1' } } },
              returnReason: { value: 'BROKEN', label: 'Broken' },
              returnReasonComment: 'cracked',
              unitQuantity: { quantity: 2 },
              unitAmount: { amount: 110 },
              unitTaxType: { country: 'NZ', group: 'STANDARD', tariff: 'GST' },
              itemAmount: { amount: 220 },
              itemTaxAmount: { amount: 20 },
            },
          ],
          currency: { alphabeticCode: 'NZD' },
          defaultTaxType: { country: 'NZ', group: 'STANDARD', tariff: 'GST' },
          subTotalAmount: { amount: 200 },
          totalTax: { amount: 20 },
          totalAmount: { amount: 220 },
        },
      },
    ]);
  });

  it.each([
    { title: 'by product ref', item: { productRef: 'SKU-2', quantity: 1 }, orderItem: 'HD-1-2', total: 50 },
    { title: 'by order item ref', item: { orderItemRef: 'HD-1-1', quantity: '1' }, orderItem: 'HD-1-1', total: 110 },
  ])('defaults ref, destination, currency and tax type ($title)', ({ item, orderItem, total }) => {
    const created = input(run({ type: 'DEFAULT', returnItems: [item] }));
    expect(created).toMatchObject({
      ref: 'HD-1-RET1',
      destinationLocation: { ref: 'LOC_DC' },
      currency: { alphabeticCode: 'AUD' },
      defaultTaxType: { tariff: 'GST' },
      totalAmount: { amount: total },
      returnOrderItems: [{ orderItem: { ref: orderItem } }],
    });
  });

  it.each([
    { title: 'no returnItems', attributes: { type: 'DEFAULT' }, message: '"returnItems"' },
    { title: 'no type', attributes: { returnItems: [{ productRef: 'SKU-1', quantity: 1 }] }, message: '"type"' },
    { title: 'an unknown item', attributes: { type: 'D', returnItems: [{ productRef: 'SKU-404', quantity: 1 }] }, message: 'has no item SKU-404' },
    { title: 'an item with neither ref', attributes: { type: 'D', returnItems: [{ quantity: 1 }] }, message: 'needs orderItemRef or productRef' },
  ])('fails on $title', ({ attributes, message }) => {
    expect(() => run(attributes)).toThrow(message);
  });

  it.each([
    { settings: TAX_SETTINGS, message: 'DEFAULT_RETURN_DESTINATION_LOCATION is missing' },
    { settings: RETURN_SETTINGS.filter((s) => s.name !== 'DEFAULT_TAX_TYPE'), message: 'DEFAULT_TAX_TYPE is missing' },
  ])('fails without a required setting: $message', ({ settings, message }) => {
    expect(() => run({ type: 'D', returnItems: [{ productRef: 'SKU-1', quantity: 1 }] }, { settings })).toThrow(message);
  });
});
