/**
 * The data of the Job & Batch API (fluent-platform.md §4): jobs, their batches and the
 * per-record results, as plain JSON so a snapshot can hold them. No behaviour here.
 */

/** A job is OPEN until midnight UTC after its creation, then CLOSED (§4.2). */
export type JobStatus = 'OPEN' | 'CLOSED';

/** PENDING (created, not running), RUNNING, COMPLETE (processed, with or without errors) (§4.6). */
export type BatchStatus = 'PENDING' | 'RUNNING' | 'COMPLETE';

/** Records per batch (§4.4: "at most 5000 records per batch"). */
export const MAX_BATCH_RECORDS = 5000;

/**
 * Entity types of the legacy batches: Fluent's "Batch API" page names the Location and Category
 * batches and the actions CREATE and UPSERT; PRODUCT and SKU come from a storefront cartridge
 * (real-world-usage.md "Jobs and batches in the wild"). Record shapes: docs/jobs.md.
 */
export const LEGACY_BATCH_ENTITY_TYPES = ['LOCATION', 'PRODUCT', 'SKU', 'CATEGORY'] as const;
export type LegacyBatchEntityType = (typeof LEGACY_BATCH_ENTITY_TYPES)[number];

/** The supported `action` + `entityType` pairs (§4.4, §4.5, and the legacy types above). */
export type BatchKind =
  | { action: 'UPSERT'; entityType: 'INVENTORY' }
  | { action: 'CREATE'; entityType: 'RETAILER' }
  | { action: 'CREATE' | 'UPSERT'; entityType: LegacyBatchEntityType };

/** Batch-level fields of an inventory batch, defaults applied (§4.4). */
export type InventoryBatchSettings = {
  /** @default 'batch' */
  source: string;
  /** The event raised per record. @default 'InventoryChanged' */
  event: string;
  /** @default `DEFAULT:<retailerId of the job>` */
  catalogueRef: string;
  /** Transient de-duplication config; kept and echoed, not interpreted [inferred]. */
  conditions: Record<string, unknown> | null;
};

/**
 * One record that failed (§4.6 `results`, [inferred] shape). `entityRef` is the ref the record
 * would write (docs "BATCHRECORDSTATUS": entityRef, responseCode, message). Inventory records
 * carry `skuRef`/`locationRef`, retailer records `retailerId`, as sent (null when absent).
 */
export type RecordResult = {
  /** 0-based position of the record in `entities`. */
  recordIndex: number;
  skuRef?: string | null;
  locationRef?: string | null;
  retailerId?: string | null;
  entityRef: string | null;
  /** "400" for an invalid record, "404" for a missing dependent record, "500" for a failure. */
  code: string;
  message: string;
};

export type StoredBatch = {
  id: string;
  jobId: string;
  kind: BatchKind;
  status: BatchStatus;
  /** ISO instants of the virtual clock. */
  createdOn: string;
  lastModifiedOn: string;
  /** Inventory batches only. */
  settings: InventoryBatchSettings | null;
  /** Number of records sent. */
  total: number;
  /** Records handled so far (ok or not). */
  processed: number;
  results: RecordResult[];
  /** The records still to process; dropped once the batch is COMPLETE. */
  records: unknown[] | null;
  /** `context.sourceEvents[0]` of the BATCH_COMPLETE audit [inferred: the live example has one]. */
  sourceEventId: string;
};

export type StoredJob = {
  id: string;
  name: string;
  /** Always a string in responses (§4.2: real clients send a string). */
  retailerId: string;
  meta: Record<string, unknown> | null;
  createdOn: string;
  /** Epoch ms of the midnight UTC that closes the job. */
  closesAt: number;
  /** Batch ids in submission order. */
  batchIds: string[];
};

export type JobServiceData = {
  /** maps job id to job */
  jobs: Record<string, StoredJob>;
  /** maps batch id to batch */
  batches: Record<string, StoredBatch>;
};
