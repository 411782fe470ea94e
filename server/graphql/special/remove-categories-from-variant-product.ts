/**
 * `removeCategoriesFromVariantProduct(input: {variantProduct: VariantProductKey, categories: [CategoryKey]})`.
 */
import type { GraphQLContext } from '../context.js';
import type { Key } from './find-entity.js';
import { removeCategoriesFrom } from './remove-categories.js';
import { requireInput } from './require-input.js';

type Args = { input?: { variantProduct: Key; categories: Key[] } | null };

export function removeCategoriesFromVariantProduct(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext) {
  const input = requireInput((args as Args).input, 'removeCategoriesFromVariantProduct');
  return removeCategoriesFrom(ctx, 'VariantProduct', input.variantProduct, input.categories, 'removeCategoriesFromVariantProduct');
}
