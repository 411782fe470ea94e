/**
 * `createOrderAndCustomer(input: CreateOrderAndCustomerInput): Order`: creates the customer from
 * `input.customer`, then the order linked to it (the other fields are those of
 * `CreateOrderInput`), in one transaction: an unknown retailer or product, a duplicate order ref
 * or customer username (C0121E) writes nothing. Both raise their CREATE events after commit
 * (fluent-platform.md §2.5, §2.9).
 */
import type { Domain } from '../domain.js';
import type { EntityRecord } from '../store/store.js';
import { inputType } from './input-type.js';
import { requireInput } from './require-input.js';

type Args = { input?: ({ customer: Record<string, unknown> } & Record<string, unknown>) | null };

export function createOrderAndCustomer(domain: Domain, args: Args): EntityRecord {
  const { customer: customerInput, ...orderInput } = requireInput(args.input, 'createOrderAndCustomer');
  const createCustomer = inputType(domain, 'CreateCustomerInput');
  const createOrder = inputType(domain, 'CreateOrderInput');
  return domain.entities.write((tx, changes) => {
    const customer = domain.entities.createIn(tx, changes, 'Customer', createCustomer, customerInput, undefined);
    return domain.entities.createIn(tx, changes, 'Order', createOrder, { ...orderInput, customer: { id: customer.id } }, undefined);
  });
}
