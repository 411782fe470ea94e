/**
 * Applies one checked inventory record (fluent-platform.md §4.4): upserts the InventoryPosition
 * `<skuRef>:<locationRef>` in the batch's catalogue and its quantity (`LAST_ON_HAND` unless the
 * record names another type) through the same mutations a client would run, then raises the
 * batch's event (default `InventoryChanged`) on the position through the engine. Returns the
 * per-record error when the record cannot be applied; request-level problems are not its job.
 *
 * @note On the platform the inventory workflow itself creates positions and quantities; here
 * the batch writes them and the event lets the workflow react (the default workflow sets
 * `onHand` from `qty`, rulesets/inventory-catalogue-default.json).
 */
import type { BatchAccount } from './job-service.js';
import { isSimError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/store/store.js';
import { runCommand } from '../domain/commands/run-command.js';
import type { Engine } from '../orchestration/engine-api.js';
import type { InventoryBatchSettings, RecordResult } from './job-model.js';
import { LAST_ON_HAND, type InventoryRecord } from './parse-inventory-record.js';

export type InventoryBatchContext = {
  account: BatchAccount;
  engine: Engine;
  settings: InventoryBatchSettings;
  catalogue: { id: string; ref: string };
  /** The job's retailer, for records without `retailerId`. */
  retailerId: string;
  /** Lookups already made in this batch: location ref → exists. */
  locations: Map<string, boolean>;
};

const POSITION_TYPE = 'DEFAULT';

function exists(cache: Map<string, boolean>, key: string, lookup: () => boolean): boolean {
  let found = cache.get(key);
  if (found === undefined) {
    found = lookup();
    cache.set(key, found);
  }
  return found;
}

function find(ctx: InventoryBatchContext, typename: string, ref: string): EntityRecord | undefined {
  return ctx.account.entities.findByKey(ctx.account.view, typename, { ref, catalogue: { ref: ctx.catalogue.ref } });
}

/** Creates the position, or sets its `onHand` when the record is a LAST_ON_HAND quantity. */
function upsertPosition(ctx: InventoryBatchContext, record: InventoryRecord, ref: string, isNew: boolean): EntityRecord {
  const catalogue = { ref: ctx.catalogue.ref };
  const onHand = record.type === LAST_ON_HAND ? record.qty : undefined;
  if (isNew) {
    const input = { ref, catalogue, type: POSITION_TYPE, productRef: record.skuRef, locationRef: record.locationRef, onHand };
    return runCommand(ctx.account, 'createInventoryPosition', { input }) as EntityRecord;
  }
  return runCommand(ctx.account, 'updateInventoryPosition', { input: { ref, catalogue, onHand } }) as EntityRecord;
}

function upsertQuantity(ctx: InventoryBatchContext, record: InventoryRecord, positionRef: string): void {
  const catalogue = { ref: ctx.catalogue.ref };
  const ref = record.ref ?? `${positionRef}:${record.type}`;
  const update = { ref, catalogue, quantity: record.qty, status: record.status, attributes: record.attributes };
  if (find(ctx, 'InventoryQuantity', ref)) {
    runCommand(ctx.account, 'updateInventoryQuantity', { input: update });
    return;
  }
  const input = { ref, catalogue, position: { ref: positionRef, catalogue }, type: record.type, quantity: record.qty, attributes: record.attributes };
  runCommand(ctx.account, 'createInventoryQuantity', { input });
  // CreateInventoryQuantityInput has no status: a record's status is set right after.
  if (record.status !== undefined) runCommand(ctx.account, 'updateInventoryQuantity', { input: { ref, catalogue, status: record.status } });
}

/** The event attributes: the record's quantities and refs plus the batch `source` (§4.4). */
function eventAttributes(ctx: InventoryBatchContext, record: InventoryRecord): Record<string, unknown> {
  const attributes: Record<string, unknown> = { skuRef: record.skuRef, locationRef: record.locationRef, qty: record.qty };
  if (record.correctedQty !== undefined) attributes['correctedQty'] = record.correctedQty;
  if (record.reservedQty !== undefined) attributes['reservedQty'] = record.reservedQty;
  attributes['type'] = record.type;
  if (record.status !== undefined) attributes['status'] = record.status;
  attributes['source'] = ctx.settings.source;
  return attributes;
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
  // The product is named by reference only and need not exist (overrides.ts PRODUCT_BY_REFERENCE).
  const isNew = !find(ctx, 'InventoryPosition', positionRef);
  let position: EntityRecord;
  try {
    position = upsertPosition(ctx, record, positionRef, isNew);
    upsertQuantity(ctx, record, positionRef);
  } catch (error) {
    if (!isSimError(error)) throw error;
    return failure(error.spec.http === 404 ? '404' : error.spec.restCode, error.message);
  }
  await ctx.engine.submit(
    {
      name: ctx.settings.event,
      retailerId: record.retailerId ?? ctx.retailerId,
      entityType: 'INVENTORY_POSITION',
      entityId: position.id,
      entityRef: positionRef,
      entitySubtype: typeof position['type'] === 'string' ? position['type'] : POSITION_TYPE,
      rootEntityType: 'INVENTORY_CATALOGUE',
      rootEntityId: ctx.catalogue.id,
      rootEntityRef: ctx.catalogue.ref,
      attributes: eventAttributes(ctx, record),
    },
    { mode: 'async', source: ctx.settings.source, quiet: true },
  );
  return undefined;
}
