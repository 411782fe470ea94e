/**
 * `removeCategoriesFromStandardProduct(input: {standardProduct: StandardProductKey, categories: [CategoryKey]})`.
 */
import type { GraphQLContext } from '../context.js';
import type { Key } from './find-entity.js';
import { removeCategoriesFrom } from './remove-categories.js';
import { requireInput } from './require-input.js';

type Args = { input?: { standardProduct: Key; categories: Key[] } | null };

export function removeCategoriesFromStandardProduct(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext) {
  const input = requireInput((args as Args).input, 'removeCategoriesFromStandardProduct');
  return removeCategoriesFrom(ctx, 'StandardProduct', input.standardProduct, input.categories, 'removeCategoriesFromStandardProduct');
}
