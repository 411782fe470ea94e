/**
 * `removeCategoriesFromStandardProduct(input: {standardProduct: StandardProductKey, categories: [CategoryKey]})`.
 */
import type { Domain } from '../domain.js';
import type { Key } from '../find-entity.js';
import { removeCategoriesFrom } from './remove-categories.js';
import { requireInput } from './require-input.js';

type Args = { input?: { standardProduct: Key; categories: Key[] } | null };

export function removeCategoriesFromStandardProduct(domain: Domain, args: Args) {
  const input = requireInput(args.input, 'removeCategoriesFromStandardProduct');
  return removeCategoriesFrom(domain, 'StandardProduct', input.standardProduct, input.categories, 'removeCategoriesFromStandardProduct');
}
