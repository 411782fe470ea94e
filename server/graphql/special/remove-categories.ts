/**
 * The shared body of `removeCategoriesFromStandardProduct`, `…VariantProduct` and
 * `…GroupProduct`: "Removes one or more `Category`s from a …Product" (schema description).
 * The product and every category must exist (C0120E otherwise, nothing changed).
 */
import type { GraphQLContext } from '../context.js';
import { findRequired, type Key } from './find-entity.js';
import { REMOVE_SUCCEEDED, removeLinks } from './remove-links.js';

export function removeCategoriesFrom(ctx: GraphQLContext, productType: string, productKey: Key, categoryKeys: readonly Key[], usedBy: string): typeof REMOVE_SUCCEEDED {
  const { account } = ctx;
  return account.entities.write((tx) => {
    const product = findRequired(account, tx, productType, productKey, usedBy);
    const categories = categoryKeys.map((k) => findRequired(account, tx, 'Category', k, usedBy));
    removeLinks(account, tx, product, categories, { field: 'categories' });
    return REMOVE_SUCCEEDED;
  });
}
