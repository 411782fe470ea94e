/**
 * The shared core of the bulk status mutations (`update…Status…`): sets `status` on every record
 * through the entity service's own update (the same checks as `update…` mutations), in one
 * transaction, so a failure part-way changes nothing.
 */
import type { Domain } from '../domain.js';
import type { EntityRecord } from '../store/store.js';
import { inputType } from './input-type.js';
import { resolveOne } from '../links.js';

/**
 * Sets `status` on `records` (all of one catalogue-scoped type: InventoryPosition,
 * InventoryQuantity, VirtualPosition) and returns how many were updated.
 *
 * @note Every matched record counts, also one that already had the status: `UpdateStatusOutput.count`
 * is "the count of data entries that were updated" (schema description); whether the platform skips
 * unchanged rows is not documented [inferred].
 */
export function setStatuses(domain: Domain, typename: string, records: readonly EntityRecord[], status: string): number {
  const update = inputType(domain, `Update${typename}Input`);
  return domain.entities.write((tx, changes) => {
    for (const record of records) {
      const catalogue = resolveOne(tx, record['catalogue']);
      domain.entities.updateIn(tx, changes, typename, update, { ref: record['ref'], catalogue: { ref: catalogue?.['ref'] }, status });
    }
    return records.length;
  });
}
