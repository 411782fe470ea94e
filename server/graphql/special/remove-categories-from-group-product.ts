/**
 * `removeCategoriesFromGroupProduct(input: {groupProduct: GroupProductKey, categories: [CategoryKey]})`.
 */
import type { GraphQLContext } from '../context.js';
import type { Key } from './find-entity.js';
import { removeCategoriesFrom } from './remove-categories.js';
import { requireInput } from './require-input.js';

type Args = { input?: { groupProduct: Key; categories: Key[] } | null };

export function removeCategoriesFromGroupProduct(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext) {
  const input = requireInput((args as Args).input, 'removeCategoriesFromGroupProduct');
  return removeCategoriesFrom(ctx, 'GroupProduct', input.groupProduct, input.categories, 'removeCategoriesFromGroupProduct');
}
