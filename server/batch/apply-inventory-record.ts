/**
 * Applies one checked inventory record (fluent-platform.md §4.4): the batch's event (default
 * `InventoryChanged`) goes to the batch's inventory catalogue with the record as attribute
 * `inventoryPosition {productRef, locationRef, qty, ref?, correctedQty?, inventoryQuantity?}`
 * (workflow-contracts.md §2.1, H), and the catalogue's workflow does the rest: creates the position
 * when missing, upserts the quantity, sets onHand, notifies the virtual catalogues
 * (rulesets/inventory-catalogue-default.json). Returns the per-record error when the record cannot
 * be applied: an unknown location, or the workflow failing the event.
 *
 * @note The event runs at once (sync) so its outcome becomes the record's result; the events it
 * raises for other root entities (virtual catalogues) are queued, and the batch drains them after
 * each chunk. A record of another quantity type than LAST_ON_HAND, or with a `status` or `ref`,
 * names its quantity in `inventoryQuantity`; its `attributes` go along as
 * `inventoryPosition.attributes` [inferred: a simulator extension, for the quantity].
 */
import type { BatchAccount } from './job-service.js';
import type { Engine } from '../orchestration/engine-api.js';
import type { InventoryBatchSettings, RecordResult } from './job-model.js';
import { LAST_ON_HAND, type InventoryRecord } from './parse-inventory-record.js';

export type InventoryBatchContext = {
  account: BatchAccount;
  engine: Engine;
  settings: InventoryBatchSettings;
  /** `type` is the event's entitySubtype (the catalogue's workflow subtype). */
  catalogue: { id: string; ref: string; type: string };
  /** The job's retailer, for records without `retailerId`. */
  retailerId: string;
  /** Lookups already made in this batch: location ref → exists. */
  locations: Map<string, boolean>;
};

function exists(cache: Map<string, boolean>, key: string, lookup: () => boolean): boolean {
  let found = cache.get(key);
  if (found === undefined) {
    found = lookup();
    cache.set(key, found);
  }
  return found;
}

/** The `inventoryPosition` attribute (§2.1) and the batch `source` (§4.4). */
function eventAttributes(ctx: InventoryBatchContext, record: InventoryRecord): Record<string, unknown> {
  const position: Record<string, unknown> = { productRef: record.skuRef, locationRef: record.locationRef, qty: record.qty };
  if (record.ref !== undefined) position['ref'] = record.ref;
  if (record.correctedQty !== undefined) position['correctedQty'] = record.correctedQty;
  if (record.reservedQty !== undefined) position['reservedQty'] = record.reservedQty;
  if (record.type !== LAST_ON_HAND || record.status !== undefined || record.ref !== undefined) {
    position['inventoryQuantity'] = { ref: record.ref ?? null, type: record.type, qty: record.qty, status: record.status ?? null };
  }
  if (record.attributes !== undefined) position['attributes'] = record.attributes;
  return { inventoryPosition: position, source: ctx.settings.source };
}

export async function applyInventoryRecord(ctx: InventoryBatchContext, record: InventoryRecord, recordIndex: number): Promise<RecordResult | undefined> {
  const positionRef = `${record.skuRef}:${record.locationRef}`;
  const failure = (code: string, message: string): RecordResult => ({
    recordIndex,
    skuRef: record.skuRef,
    locationRef: record.locationRef,
    entityRef: positionRef,
    code,
    message,
  });
  const { account } = ctx;
  if (!exists(ctx.locations, record.locationRef, () => account.view.candidates('Location', record.locationRef).length > 0)) {
    return failure('404', `Location "${record.locationRef}" does not exist; create it (createLocation) or fix 'locationRef'`);
  }
  const result = await ctx.engine.submit(
    {
      name: ctx.settings.event,
      retailerId: record.retailerId ?? ctx.retailerId,
      entityType: 'INVENTORY_CATALOGUE',
      entityId: ctx.catalogue.id,
      entityRef: ctx.catalogue.ref,
      entitySubtype: ctx.catalogue.type,
      rootEntityType: 'INVENTORY_CATALOGUE',
      rootEntityId: ctx.catalogue.id,
      rootEntityRef: ctx.catalogue.ref,
      attributes: eventAttributes(ctx, record),
    },
    { mode: 'sync', source: ctx.settings.source, quiet: true },
  );
  if (result.eventStatus === 'FAILED') return failure('400', result.errorMessage ?? `${ctx.settings.event} failed`);
  return undefined;
}
