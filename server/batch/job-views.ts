/**
 * The response bodies of the Job & Batch API, built from stored jobs and batches:
 * - job (fluent-platform.md §4.3, [inferred] shape beyond `jobId`/`status`);
 * - batch (§4.6, [inferred] shape; `start`/`count`/`total` page the per-record results as the
 *   docs describe them: "offset of result", "the count … shown", "total");
 * - job results (§4.1, §8 #10): the official client's `FluentJobResults` type [sdk].
 */
import type { JobStatus, RecordResult, StoredBatch, StoredJob } from './job-model.js';

export type JobBody = {
  jobId: string;
  name: string;
  status: JobStatus;
  retailerId: string;
  meta: Record<string, unknown> | null;
  createdOn: string;
  batch: { batchId: string; status: string; createdOn: string }[];
};

export type BatchBody = {
  batchId: string;
  jobId: string;
  entityType: string;
  action: string;
  status: string;
  start: number;
  count: number;
  total: number;
  results: RecordResult[];
  createdOn: string;
  lastModifiedOn: string;
};

/** Per-batch entry of the job results; `errors` as the client's type has them, plus the record fields. */
export type JobResultsBody = {
  id: string;
  jobId: string;
  status: JobStatus;
  totalBatches: number;
  successfulBatches: number;
  failedBatches: number;
  results: {
    batchId: string;
    status: string;
    entityType: string;
    action: string;
    processedEntities: number;
    totalEntities: number;
    errors: (RecordResult & { entityIndex: number })[];
  }[];
};

export function toJobBody(job: StoredJob, status: JobStatus, batches: readonly StoredBatch[]): JobBody {
  return {
    jobId: job.id,
    name: job.name,
    status,
    retailerId: job.retailerId,
    meta: job.meta,
    createdOn: job.createdOn,
    batch: batches.map((batch) => ({ batchId: batch.id, status: batch.status, createdOn: batch.createdOn })),
  };
}

/** `start` is a 0-based offset into the results, `count` how many this page shows. */
export function toBatchBody(batch: StoredBatch, page: { start: number; count: number }): BatchBody {
  const results = batch.results.slice(page.start, page.start + page.count);
  return {
    batchId: batch.id,
    jobId: batch.jobId,
    entityType: batch.kind.entityType,
    action: batch.kind.action,
    status: batch.status,
    start: page.start,
    count: results.length,
    total: batch.results.length,
    results,
    createdOn: batch.createdOn,
    lastModifiedOn: batch.lastModifiedOn,
  };
}

/**
 * A COMPLETE batch without per-record errors counts as successful, one with errors as failed
 * [inferred]; PENDING and RUNNING batches count as neither.
 */
export function toJobResults(job: StoredJob, status: JobStatus, batches: readonly StoredBatch[]): JobResultsBody {
  const complete = batches.filter((batch) => batch.status === 'COMPLETE');
  return {
    id: job.id,
    jobId: job.id,
    status,
    totalBatches: batches.length,
    successfulBatches: complete.filter((batch) => batch.results.length === 0).length,
    failedBatches: complete.filter((batch) => batch.results.length > 0).length,
    results: batches.map((batch) => ({
      batchId: batch.id,
      status: batch.status,
      entityType: batch.kind.entityType,
      action: batch.kind.action,
      processedEntities: batch.processed,
      totalEntities: batch.total,
      errors: batch.results.map((result) => ({ ...result, entityIndex: result.recordIndex })),
    })),
  };
}
