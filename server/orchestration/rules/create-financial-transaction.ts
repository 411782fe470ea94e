/**
 * `order.CreateFinancialTransaction` (Order Reference Module; `commonv2.…` in real workflows,
 * real-world-usage.md): creates a financial transaction on the order from the payment event —
 * one `createFinancialTransaction` mutation. Event attributes `ref` and `type` are required
 * (https://docs.fluentcommerce.com/building-blocks/createfinancialtransaction); so are `amount`,
 * `currency` and `paymentMethod`, which CreateFinancialTransactionInput requires; the input's
 * optional fields are taken from attributes of the same names [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { orderOf } from './support/order-of.js';

const NAME = 'order.CreateFinancialTransaction';

const text = z.string().trim().min(1);
const payment = z.object({
  ref: text,
  type: text,
  amount: z.coerce.number(),
  currency: text,
  paymentMethod: text,
  scale: z.coerce.number().int().optional(),
  unscaledValue: z.coerce.number().int().optional(),
  externalTransactionCode: z.string().optional(),
  externalTransactionId: z.string().optional(),
  cardType: z.string().optional(),
  paymentProvider: z.string().optional(),
  attributes: z.array(z.object({ name: text, type: text, value: z.unknown() })).optional(),
});

export const createFinancialTransaction = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateFinancialTransaction'],
  inferred: 'attributes besides ref and type: the CreateFinancialTransactionInput fields of the same names',
  description: 'Creates a financial transaction on the order from the event (ref, type, amount, currency, paymentMethod required).',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const order = orderOf(entity, read, NAME);
    const fields = parseAttributes(event, payment, NAME);
    const input = Object.fromEntries(Object.entries({ ...fields, order: { id: order.id } }).filter(([, v]) => v !== undefined));
    return [{ type: 'mutate', mutation: 'createFinancialTransaction', input }];
  },
});
