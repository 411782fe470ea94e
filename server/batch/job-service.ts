/**
 * The Job & Batch API of one account (fluent-platform.md §4): jobs that close at midnight UTC of
 * the virtual clock, batches checked as a whole when sent and then processed asynchronously,
 * one batch at a time per job (jobs run concurrently, §4.2), and the bodies the routes return.
 * Plain data throughout, so `toJSON()`/`restore()` carry it through snapshots; a restored
 * batch that had not finished resumes where it stopped.
 *
 * It knows nothing of HTTP: `http/routes/job-routes.ts` parses requests and writes responses.
 *
 * @example
 * const jobs = createJobService({ account });
 * const job = jobs.createJob({ name: 'inventory', retailerId: '1', meta: null });
 * const { id } = jobs.submitBatch(job.id, { action: 'UPSERT', entityType: 'INVENTORY', entities });
 * await jobs.whenIdle();
 */
import type { Users } from '../auth/users.js';
import type { Domain } from '../domain/domain.js';
import type { Orchestration } from '../orchestration/account-orchestration.js';
import { SimError } from '../domain/errors.js';
import { closingTime, jobStatusAt } from './job-clock.js';
import type { JobServiceData, StoredBatch, StoredJob } from './job-model.js';
import { toBatchBody, toJobBody, toJobResults, type BatchBody, type JobBody, type JobResultsBody } from './job-views.js';
import { parseBatchRequest } from './parse-batch-request.js';
import type { JobRequest } from './parse-job-request.js';
import { runBatch, type BatchRunDeps } from './run-batch.js';

/** What a job service needs of its account: the domain, its users and its engine. */
export type BatchAccount = Domain & { readonly id: string; readonly users: Users; readonly orchestration: Orchestration };

export type JobServiceOptions = {
  account: BatchAccount;
  /** Records handled per turn of the event loop. @default 50 */
  chunkSize?: number;
  /** Password of the `<retailerId>_admin` users retailer batches create [inferred]. @default 'password' */
  retailerAdminPassword?: string;
};

export interface JobService {
  createJob(request: JobRequest): { id: string };
  getJob(jobId: string): JobBody;
  /** Checks the batch as a whole (400s, nothing written) and queues it; answers its id at once. */
  submitBatch(jobId: string, body: unknown): { id: string };
  getBatch(jobId: string, batchId: string, page?: { start?: number; count?: number }): BatchBody;
  getJobResults(jobId: string): JobResultsBody;
  /** Resolves when no batch is PENDING or RUNNING (bench, shutdown). */
  whenIdle(): Promise<void>;
  clear(): void;
  toJSON(): JobServiceData;
  restore(data: JobServiceData): void;
}

/** Results a batch GET shows without `count`: all of a full batch's records. */
const DEFAULT_RESULTS_PAGE = 5000;

export function createJobService(options: JobServiceOptions): JobService {
  const { account } = options;
  let jobs = new Map<string, StoredJob>();
  let batches = new Map<string, StoredBatch>();
  /** maps job id to the promise of its last queued batch (one batch at a time per job) */
  let chains = new Map<string, Promise<void>>();
  let generation = 0;

  function jobOf(jobId: string): StoredJob {
    const job = jobs.get(jobId);
    if (!job) throw new SimError('NOT_FOUND', `No job with id ${jobId}; create one with POST /api/v4.1/job`);
    return job;
  }

  const statusOf = (job: StoredJob) => jobStatusAt(job, account.clock.nowMs());
  const batchesOf = (job: StoredJob): StoredBatch[] => job.batchIds.map((id) => batches.get(id)).filter((b): b is StoredBatch => !!b);

  /** Queues the batch behind the job's earlier ones. */
  function schedule(job: StoredJob, batch: StoredBatch): void {
    const current = generation;
    const deps: BatchRunDeps = {
      account,
      chunkSize: options.chunkSize ?? 50,
      retailerAdminPassword: options.retailerAdminPassword ?? 'password',
      isCurrent: () => current === generation,
    };
    const previous = chains.get(job.id) ?? Promise.resolve();
    const next = previous.then(() => (current === generation ? runBatch(deps, job, batch) : undefined));
    // A failure of the runner itself must not stop the job's later batches.
    chains.set(
      job.id,
      next.catch(() => undefined),
    );
  }

  function checkCatalogue(catalogueRef: string): void {
    if (account.entities.findByKey(account.view, 'InventoryCatalogue', { ref: catalogueRef })) return;
    throw new SimError(
      'VALIDATION_FAILED',
      `Inventory catalogue "${catalogueRef}" does not exist; send 'catalogueRef' of an existing catalogue (default DEFAULT:<retailerId>)`,
    );
  }

  function clear(): void {
    generation += 1;
    jobs = new Map();
    batches = new Map();
    chains = new Map();
  }

  return {
    createJob(request) {
      const now = account.clock.now();
      const job: StoredJob = {
        id: account.ids.nextNumeric('Job'),
        name: request.name,
        retailerId: request.retailerId,
        meta: request.meta === null ? null : structuredClone(request.meta),
        createdOn: now.toISOString(),
        closesAt: closingTime(now.getTime()),
        batchIds: [],
      };
      jobs.set(job.id, job);
      return { id: job.id };
    },
    getJob(jobId) {
      const job = jobOf(jobId);
      return toJobBody(job, statusOf(job), batchesOf(job));
    },
    submitBatch(jobId, body) {
      const job = jobOf(jobId);
      if (statusOf(job) === 'CLOSED') {
        throw new SimError(
          'VALIDATION_FAILED',
          `Job ${job.id} is CLOSED (jobs close at midnight UTC after creation) and takes no more batches; create a new job with POST /api/v4.1/job`,
        );
      }
      const request = parseBatchRequest(body, job.retailerId);
      if (request.type === 'inventory') checkCatalogue(request.settings.catalogueRef);
      const now = account.clock.now().toISOString();
      const batch: StoredBatch = {
        id: account.ids.nextNumeric('Batch'),
        jobId: job.id,
        kind: request.kind,
        status: 'PENDING',
        createdOn: now,
        lastModifiedOn: now,
        settings: request.type === 'inventory' ? request.settings : null,
        total: request.records.length,
        processed: 0,
        results: [],
        records: request.records,
        sourceEventId: account.ids.uuid(),
      };
      batches.set(batch.id, batch);
      job.batchIds.push(batch.id);
      schedule(job, batch);
      return { id: batch.id };
    },
    getBatch(jobId, batchId, page = {}) {
      const job = jobOf(jobId);
      const batch = batches.get(batchId);
      if (!batch || batch.jobId !== job.id) throw new SimError('NOT_FOUND', `No batch ${batchId} in job ${job.id}`);
      return toBatchBody(batch, { start: page.start ?? 0, count: page.count ?? DEFAULT_RESULTS_PAGE });
    },
    getJobResults(jobId) {
      const job = jobOf(jobId);
      return toJobResults(job, statusOf(job), batchesOf(job));
    },
    async whenIdle() {
      for (;;) {
        const pending = [...chains.values()];
        await Promise.all(pending);
        if (pending.length === chains.size && [...chains.values()].every((chain, i) => chain === pending[i])) return;
      }
    },
    clear,
    toJSON: () => structuredClone({ jobs: Object.fromEntries(jobs), batches: Object.fromEntries(batches) }),
    restore(data) {
      clear();
      const copy = structuredClone(data);
      jobs = new Map(Object.entries(copy.jobs));
      batches = new Map(Object.entries(copy.batches));
      // Unfinished batches resume where they stopped, in their job's order.
      for (const job of jobs.values()) for (const batch of batchesOf(job)) if (batch.status !== 'COMPLETE') schedule(job, batch);
    },
  };
}
