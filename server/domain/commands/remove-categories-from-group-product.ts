/**
 * `removeCategoriesFromGroupProduct(input: {groupProduct: GroupProductKey, categories: [CategoryKey]})`.
 */
import type { Domain } from '../domain.js';
import type { Key } from '../find-entity.js';
import { removeCategoriesFrom } from './remove-categories.js';
import { requireInput } from './require-input.js';

type Args = { input?: { groupProduct: Key; categories: Key[] } | null };

export function removeCategoriesFromGroupProduct(domain: Domain, args: Args) {
  const input = requireInput(args.input, 'removeCategoriesFromGroupProduct');
  return removeCategoriesFrom(domain, 'GroupProduct', input.groupProduct, input.categories, 'removeCategoriesFromGroupProduct');
}
