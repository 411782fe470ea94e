import { describe, expect, it } from 'vitest';
import { createFinancialTransaction as rule } from '../../../server/orchestration/rules/create-financial-transaction.js';
import { entity, eventOn, fulfilment, hdOrder, ruleInput } from './fake-reader.js';

const PAYMENT = { ref: 'PAY-1', type: 'PAYMENT', amount: '49.95', currency: 'AUD', paymentMethod: 'CREDITCARD' };

describe('order.CreateFinancialTransaction (commonv2)', () => {
  it.each([
    { attributes: PAYMENT, input: { ...PAYMENT, amount: 49.95 } },
    {
      attributes: { ...PAYMENT, cardType: 'VISA', externalTransactionId: 'gw-9', paymentProvider: 'ADYEN', other: 'ignored' },
      input: { ...PAYMENT, amount: 49.95, cardType: 'VISA', externalTransactionId: 'gw-9', paymentProvider: 'ADYEN' },
    },
  ])('creates the transaction on the order from $attributes', ({ attributes, input }) => {
    const order = hdOrder();
    const effects = rule.run(ruleInput(order, {}, { event: eventOn(order, 'PaymentReceived', attributes), data: { entities: [order] } }));
    expect(effects).toEqual([{ type: 'mutate', mutation: 'createFinancialTransaction', input: { ...input, order: { id: 'o1' } } }]);
  });

  it.each(['ref', 'type', 'amount', 'currency', 'paymentMethod'])('fails the event without %s, naming it', (name) => {
    const order = hdOrder();
    const attributes: Record<string, unknown> = { ...PAYMENT };
    delete attributes[name];
    expect(() => rule.run(ruleInput(order, {}, { event: eventOn(order, 'PaymentReceived', attributes) }))).toThrow(new RegExp(`"${name}"`));
  });

  it('fails an amount that is not a number', () => {
    const order = hdOrder();
    expect(() => rule.run(ruleInput(order, {}, { event: eventOn(order, 'P', { ...PAYMENT, amount: 'lots' }) }))).toThrow(/"amount"/);
  });

  it('uses the order of a fulfilment; fails without an order', () => {
    const f = fulfilment('f1', 'CREATED');
    const effects = rule.run(ruleInput(f, {}, { event: eventOn(f, 'P', PAYMENT), data: { entities: [hdOrder(), f] } }));
    expect(effects).toMatchObject([{ input: { order: { id: 'o1' } } }]);
    const location = entity({ entityType: 'LOCATION', id: 'l1' });
    expect(() => rule.run(ruleInput(location, {}, { event: eventOn(location, 'P', PAYMENT) }))).toThrow(/needs an ORDER/);
  });
});
