/**
 * The shared body of `removeCategoriesFromStandardProduct`, `…VariantProduct` and
 * `…GroupProduct`: "Removes one or more `Category`s from a …Product" (schema description).
 * The product and every category must exist (C0120E otherwise, nothing changed).
 */
import type { Domain } from '../domain.js';
import { findRequired, type Key } from '../find-entity.js';
import { REMOVE_SUCCEEDED, removeLinks } from './remove-links.js';

export function removeCategoriesFrom(
  domain: Domain,
  productType: string,
  productKey: Key,
  categoryKeys: readonly Key[],
  usedBy: string,
): typeof REMOVE_SUCCEEDED {
  return domain.entities.write((tx) => {
    const product = findRequired(domain, tx, productType, productKey, usedBy);
    const categories = categoryKeys.map((k) => findRequired(domain, tx, 'Category', k, usedBy));
    removeLinks(domain, tx, product, categories, { field: 'categories' });
    return REMOVE_SUCCEEDED;
  });
}
