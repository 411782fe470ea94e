/**
 * Processes one batch, asynchronously: PENDING → RUNNING → COMPLETE (fluent-platform.md §4.6).
 * Records are handled in chunks; after each chunk the engine drains the events the chunk raised
 * and the loop yields to the event loop (`setImmediate`, never a wall-clock timer), so a
 * 5,000-record batch does not block requests. A bad record becomes a per-record result and the
 * others continue. Last, the `BATCH_COMPLETE` audit goes to the account's event log (§3.5).
 * The events records raise are quiet (SubmitOptions.quiet): their ORCHESTRATION records are kept,
 * their audits only when they fail, so the batch-level audit and per-record results stand for
 * the rest [simulator choice, as the platform's batch view summarises a batch].
 *
 * @note COMPLETE means every record was applied *and* the events it raised were processed by
 * the engine, so a client that sees COMPLETE reads the workflow's outcome [simulator choice].
 */
import { SimError } from '../domain/errors.js';
import type { BatchAccount } from './job-service.js';
import { applyInventoryRecord, type InventoryBatchContext } from './apply-inventory-record.js';
import type { EntityBatchContext } from './apply-entity-record.js';
import { applyCategoryRecord } from './apply-category-record.js';
import { applyLocationRecord } from './apply-location-record.js';
import { applyProductRecord } from './apply-product-record.js';
import { applyRetailerRecord } from './apply-retailer-record.js';
import { applySkuRecord } from './apply-sku-record.js';
import { batchCompleteAudit } from './batch-complete-audit.js';
import type { LegacyBatchEntityType, RecordResult, StoredBatch, StoredJob } from './job-model.js';
import { parseInventoryRecord } from './parse-inventory-record.js';

export type BatchRunDeps = {
  account: BatchAccount;
  /** Records per turn of the event loop. */
  chunkSize: number;
  retailerAdminPassword: string;
  /** False once the service was cleared or restored: the run stops where it is. */
  isCurrent(): boolean;
};

type RecordHandler = (raw: unknown, recordIndex: number) => Promise<RecordResult | undefined> | RecordResult | undefined;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function inventoryHandler(deps: BatchRunDeps, job: StoredJob, batch: StoredBatch): RecordHandler {
  const { account } = deps;
  const settings = batch.settings!;
  const catalogue = account.entities.findByKey(account.view, 'InventoryCatalogue', { ref: settings.catalogueRef });
  if (!catalogue) {
    // Deleted after the batch was accepted: every record fails alike.
    const message = `Inventory catalogue "${settings.catalogueRef}" does not exist (any more); send the batch with an existing 'catalogueRef'`;
    return (raw, recordIndex) => {
      const parsed = parseInventoryRecord(raw, recordIndex);
      if (!parsed.ok) return parsed.error;
      const { skuRef, locationRef } = parsed.record;
      return { recordIndex, skuRef, locationRef, entityRef: `${skuRef}:${locationRef}`, code: '404', message };
    };
  }
  const ctx: InventoryBatchContext = {
    account,
    engine: account.orchestration.engine,
    settings,
    catalogue: { id: catalogue.id, ref: settings.catalogueRef },
    retailerId: job.retailerId,
    locations: new Map(),
  };
  // Quiet: the events a record causes leave audits only when they fail (SubmitOptions.quiet).
  return (raw, recordIndex) => {
    const parsed = parseInventoryRecord(raw, recordIndex);
    return parsed.ok ? ctx.engine.quietly(() => applyInventoryRecord(ctx, parsed.record, recordIndex)) : parsed.error;
  };
}

/** The legacy entity types, one applier each (docs/jobs.md). */
const LEGACY_APPLIERS: Readonly<Record<LegacyBatchEntityType, (ctx: EntityBatchContext, raw: unknown, recordIndex: number) => RecordResult | undefined>> = {
  LOCATION: applyLocationRecord,
  PRODUCT: applyProductRecord,
  SKU: applySkuRecord,
  CATEGORY: applyCategoryRecord,
};

function handlerFor(deps: BatchRunDeps, job: StoredJob, batch: StoredBatch): RecordHandler {
  switch (batch.kind.entityType) {
    case 'INVENTORY':
      return inventoryHandler(deps, job, batch);
    case 'RETAILER': {
      const ctx = { account: deps.account, adminPassword: deps.retailerAdminPassword };
      return (raw, recordIndex) => applyRetailerRecord(ctx, raw, recordIndex);
    }
    case 'LOCATION':
    case 'PRODUCT':
    case 'SKU':
    case 'CATEGORY': {
      // Quiet, as inventory records: the CREATE events they raise leave audits only when they fail.
      const apply = LEGACY_APPLIERS[batch.kind.entityType];
      const ctx: EntityBatchContext = { account: deps.account, action: batch.kind.action, retailerId: job.retailerId };
      return (raw, recordIndex) => deps.account.orchestration.engine.quietly(() => apply(ctx, raw, recordIndex));
    }
    default: {
      const _exhaustive: never = batch.kind;
      throw new SimError('INTERNAL', `no handler for batch kind ${JSON.stringify(_exhaustive)}`);
    }
  }
}

async function handleSafely(handle: RecordHandler, raw: unknown, recordIndex: number): Promise<RecordResult | undefined> {
  try {
    return await handle(raw, recordIndex);
  } catch (error) {
    // A failure of the simulator itself: the record fails, the batch goes on.
    return { recordIndex, entityRef: null, code: '500', message: error instanceof Error ? error.message : String(error) };
  }
}

export async function runBatch(deps: BatchRunDeps, job: StoredJob, batch: StoredBatch): Promise<void> {
  const { account } = deps;
  const touch = (): void => {
    batch.lastModifiedOn = account.clock.now().toISOString();
  };
  await nextTurn();
  if (!deps.isCurrent()) return;
  // 1. RUNNING, with a handler for the batch's kind.
  batch.status = 'RUNNING';
  touch();
  const { engine, events } = account.orchestration;
  const handle = handlerFor(deps, job, batch);
  const records = batch.records ?? [];
  // 2. The records, a chunk per turn; the engine works off each chunk's events before the next.
  while (batch.processed < batch.total) {
    const end = Math.min(batch.processed + deps.chunkSize, batch.total);
    for (let index = batch.processed; index < end; index += 1) {
      const result = await handleSafely(handle, records[index], index);
      if (result) batch.results.push(result);
      batch.processed = index + 1;
    }
    await engine.drain();
    touch();
    await nextTurn();
    if (!deps.isCurrent()) return;
  }
  // 3. COMPLETE, the records dropped, and the audit event (§3.5).
  batch.status = 'COMPLETE';
  batch.records = null;
  touch();
  events.append(
    batchCompleteAudit({
      id: account.ids.uuid(),
      accountId: account.id,
      retailerId: job.retailerId,
      jobId: job.id,
      batchId: batch.id,
      sourceEventId: batch.sourceEventId,
      generatedOn: account.clock.now(),
    }),
  );
}
