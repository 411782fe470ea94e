/**
 * `POST /api/v4.1/order/{orderId}/transaction` body (Fluent's "Transaction Order API" page; the
 * path is named on its "Payment Settings" page) → the `CreateFinancialTransactionInput` of the
 * GraphQL `createFinancialTransaction` mutation. Documented: `transactionRef`, `transactionType`
 * (`PAYMENT`, `REFUND`, …), `amount`, `currency`, `paymentMethod`, `cardType`,
 * `paymentProvider`; the other GraphQL fields (`externalTransactionCode`, …) keep their names.
 */
import { z } from 'zod';
import { parseBody } from './parse-body.js';

const transactionSchema = z.object({
  transactionRef: z.string({ error: 'expected a string' }),
  transactionType: z.string({ error: 'expected a string' }),
  amount: z.coerce.number({ error: 'expected a number' }),
  currency: z.string({ error: 'expected a string' }),
  paymentMethod: z.string({ error: 'expected a string' }),
  cardType: z.string().nullish(),
  paymentProvider: z.string().nullish(),
  externalTransactionCode: z.string().nullish(),
  externalTransactionId: z.string().nullish(),
});

const REQUIRED = ['transactionRef', 'transactionType', 'amount', 'currency', 'paymentMethod'] as const;
const EXAMPLE = '{"transactionRef": "…", "transactionType": "PAYMENT", "amount": 59.9, "currency": "AUD", "paymentMethod": "CREDITCARD"}';

export function toCreateFinancialTransactionInput(orderId: string, body: unknown): Record<string, unknown> {
  const t = parseBody(body, transactionSchema, REQUIRED, EXAMPLE);
  const input: Record<string, unknown> = {
    ref: t.transactionRef,
    type: t.transactionType,
    amount: t.amount,
    currency: t.currency,
    paymentMethod: t.paymentMethod,
    order: { id: orderId },
  };
  for (const key of ['cardType', 'paymentProvider', 'externalTransactionCode', 'externalTransactionId'] as const) {
    if (t[key] != null) input[key] = t[key];
  }
  return input;
}
