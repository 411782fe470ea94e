/**
 * The `BATCH_COMPLETE` audit event a finished batch leaves in the event log, shaped exactly like
 * the live example of fluent-platform.md §3.5: type ORCHESTRATION_AUDIT, category BATCH, entity
 * BATCH (id and ref = batch id), root JOB (id and ref = job id), `attributes: null`,
 * `source: null`, `generatedBy: "Rubix User"`, retailerId as a string.
 */
import type { EventRecord } from '../orchestration/event-log.js';
import { auditRecord } from '../orchestration/event-records.js';

export const BATCH_COMPLETE = 'BATCH_COMPLETE';

export function batchCompleteAudit(fields: {
  id: string;
  accountId: string;
  retailerId: string;
  jobId: string;
  batchId: string;
  sourceEventId: string;
  generatedOn: Date;
}): EventRecord {
  return auditRecord({
    id: fields.id,
    name: BATCH_COMPLETE,
    category: 'BATCH',
    accountId: fields.accountId,
    retailerId: fields.retailerId,
    context: {
      sourceEvents: [fields.sourceEventId],
      entityType: 'BATCH',
      entityId: fields.batchId,
      entityRef: fields.batchId,
      rootEntityType: 'JOB',
      rootEntityId: fields.jobId,
      rootEntityRef: fields.jobId,
    },
    eventStatus: 'COMPLETE',
    attributes: null,
    generatedOn: fields.generatedOn,
  });
}
