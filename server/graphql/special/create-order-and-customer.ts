/**
 * `createOrderAndCustomer(input: CreateOrderAndCustomerInput): Order`: creates the customer from
 * `input.customer`, then the order linked to it (the other fields are those of
 * `CreateOrderInput`), in one transaction: an unknown retailer or product, a duplicate order ref
 * or customer username (C0121E) writes nothing. Both raise their CREATE events after commit
 * (fluent-platform.md §2.5, §2.9).
 */
import type { GraphQLContext } from '../context.js';
import type { EntityRecord } from '../../domain/store/store.js';
import { inputType } from './input-type.js';
import { requireInput } from './require-input.js';

type Args = { input?: ({ customer: Record<string, unknown> } & Record<string, unknown>) | null };

export function createOrderAndCustomer(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext): EntityRecord {
  const { customer: customerInput, ...orderInput } = requireInput((args as Args).input, 'createOrderAndCustomer');
  const { account } = ctx;
  const createCustomer = inputType(account, 'CreateCustomerInput');
  const createOrder = inputType(account, 'CreateOrderInput');
  return account.entities.write((tx, changes) => {
    const customer = account.entities.createIn(tx, changes, 'Customer', createCustomer, customerInput, undefined);
    return account.entities.createIn(tx, changes, 'Order', createOrder, { ...orderInput, customer: { id: customer.id } }, undefined);
  });
}
