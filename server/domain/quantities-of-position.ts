/**
 * The inventory quantities of one position that match the filters shared by
 * `inventoryQuantityAggregate` and `updateInventoryQuantitiesStatus` (`position`, `type`,
 * `status`, `expectedOn`). Filters follow the search conventions of `domain/filters.ts`: lists
 * match any value, `DateRange` is inclusive and validated (C0100E / C0101E).
 */
import type { Domain } from './domain.js';
import { buildPredicate } from './filters.js';
import { linkTo, type EntityRecord } from './store/store.js';
import { findRequired } from './find-entity.js';
import { resolveAll } from './links.js';

export type QuantityFilter = {
  position: { ref: string; catalogue: { ref: string } };
  type?: string[] | null;
  status?: string[] | null;
  expectedOn?: { from?: string | null; to?: string | null } | null;
};

export function quantitiesOfPosition(domain: Domain, filter: QuantityFilter, usedBy: string): EntityRecord[] {
  const position = findRequired(domain, domain.view, 'InventoryPosition', filter.position, usedBy);
  const byId = new Map<string, EntityRecord>();
  // A quantity names its position; a position may also list its quantities (CreateInventoryPositionInput.quantities).
  for (const q of domain.store.linkedFrom(linkTo(position), 'InventoryQuantity')) byId.set(q.id, q);
  for (const q of resolveAll(domain.store, position['quantities'])) if (q.__typename === 'InventoryQuantity') byId.set(q.id, q);
  const argDefs = domain.model.queryType.getFields()['inventoryQuantityAggregate']?.args ?? [];
  const filters = argDefs.filter((a) => a.name !== 'position');
  const matches = buildPredicate(domain.store, filters, filter);
  return [...byId.values()].filter(matches).sort((a, b) => Number(a.id) - Number(b.id));
}
