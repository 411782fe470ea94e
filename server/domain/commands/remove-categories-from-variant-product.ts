/**
 * `removeCategoriesFromVariantProduct(input: {variantProduct: VariantProductKey, categories: [CategoryKey]})`.
 */
import type { Domain } from '../domain.js';
import type { Key } from '../find-entity.js';
import { removeCategoriesFrom } from './remove-categories.js';
import { requireInput } from './require-input.js';

type Args = { input?: { variantProduct: Key; categories: Key[] } | null };

export function removeCategoriesFromVariantProduct(domain: Domain, args: Args) {
  const input = requireInput(args.input, 'removeCategoriesFromVariantProduct');
  return removeCategoriesFrom(domain, 'VariantProduct', input.variantProduct, input.categories, 'removeCategoriesFromVariantProduct');
}
