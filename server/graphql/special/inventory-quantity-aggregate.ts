/**
 * `inventoryQuantityAggregate(position, type, status, expectedOn)`: "the aggregate qty of
 * Inventory Quantity" (schema description): `sum` of `quantity` and `count` of the position's
 * quantities matching the filters. An unknown position is C0120E.
 */
import type { GraphQLContext } from '../context.js';
import { quantitiesOfPosition, type QuantityFilter } from '../../domain/quantities-of-position.js';

export function inventoryQuantityAggregate(_parent: unknown, args: QuantityFilter, ctx: GraphQLContext): { sum: number; count: number } {
  const quantities = quantitiesOfPosition(ctx.account, args, 'inventoryQuantityAggregate');
  const sum = quantities.reduce((total, q) => total + (typeof q['quantity'] === 'number' ? q['quantity'] : 0), 0);
  return { sum, count: quantities.length };
}
