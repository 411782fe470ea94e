/**
 * When a job closes: "a job stays OPEN until midnight UTC, then becomes CLOSED"
 * (fluent-platform.md §4.2). The status is computed from the virtual clock on every read, so it
 * needs no timer and survives snapshots.
 */
import type { JobStatus } from './job-model.js';

/** Epoch ms of the first midnight UTC after `createdMs` (a job created at 00:00:00.000 closes a day later). */
export function closingTime(createdMs: number): number {
  const created = new Date(createdMs);
  return Date.UTC(created.getUTCFullYear(), created.getUTCMonth(), created.getUTCDate() + 1);
}

export function jobStatusAt(job: { closesAt: number }, nowMs: number): JobStatus {
  return nowMs >= job.closesAt ? 'CLOSED' : 'OPEN';
}
