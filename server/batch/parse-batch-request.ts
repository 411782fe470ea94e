/**
 * `POST /api/v4.1/job/{jobId}/batch` body → a batch request, checked as a whole before anything
 * is written (fluent-platform.md §4.4, §4.5): the action / entityType pair, 1 to 5,000 records
 * and the batch-level fields. Records themselves are checked one by one while the batch runs,
 * so a bad record fails alone.
 */
import { z } from 'zod';
import { SimError } from '../domain/errors.js';
import { isOneOf, isRecord } from '../lib/guards.js';
import { LEGACY_BATCH_ENTITY_TYPES, MAX_BATCH_RECORDS, type BatchKind, type InventoryBatchSettings, type LegacyBatchEntityType } from './job-model.js';

export type BatchRequest =
  | { type: 'inventory'; kind: BatchKind; settings: InventoryBatchSettings; records: unknown[] }
  | { type: 'retailer'; kind: BatchKind; records: unknown[] }
  | { type: 'legacy'; kind: BatchKind; records: unknown[] };

/** Batch defaults (§4.4). */
export const DEFAULT_BATCH_SOURCE = 'batch';
export const DEFAULT_BATCH_EVENT = 'InventoryChanged';

/** Action → the entity types it takes (§4.4: UPSERT INVENTORY; §4.5: CREATE RETAILER; the legacy types with both). */
const SUPPORTED: Readonly<Record<string, readonly string[]>> = {
  UPSERT: ['INVENTORY', ...LEGACY_BATCH_ENTITY_TYPES],
  CREATE: ['RETAILER', ...LEGACY_BATCH_ENTITY_TYPES],
};
const SUPPORTED_TEXT = `action "UPSERT" with entityType "INVENTORY", action "CREATE" with entityType "RETAILER", or action "CREATE" or "UPSERT" with entityType ${LEGACY_BATCH_ENTITY_TYPES.map((type) => `"${type}"`).join(', ')}`;

const isLegacyType = (entityType: string): entityType is LegacyBatchEntityType => isOneOf(LEGACY_BATCH_ENTITY_TYPES, entityType);

const inventorySettingsSchema = z.looseObject({
  source: z.string({ error: 'expected a string' }).nullish(),
  event: z.string({ error: 'expected a string' }).min(1, { error: 'must not be empty' }).nullish(),
  catalogueRef: z.string({ error: 'expected a string' }).min(1, { error: 'must not be empty' }).nullish(),
  conditions: z.record(z.string(), z.unknown(), { error: 'expected an object' }).nullish(),
});

const isMissing = (value: unknown): boolean => value === undefined || value === null || value === '';

function parseKind(fields: Record<string, unknown>): BatchKind {
  for (const field of ['action', 'entityType'] as const) {
    if (isMissing(fields[field])) throw new SimError('REQUIRED_FIELD_MISSING', `'${field}' is required; send ${SUPPORTED_TEXT}`);
  }
  const action = fields['action'];
  const entityType = fields['entityType'];
  const entityTypes = typeof action === 'string' && Object.hasOwn(SUPPORTED, action) ? SUPPORTED[action] : undefined;
  if (!entityTypes) {
    throw new SimError('VALIDATION_FAILED', `Unknown batch action ${JSON.stringify(action)}; send ${SUPPORTED_TEXT}`);
  }
  if (typeof entityType !== 'string' || !entityTypes.includes(entityType)) {
    throw new SimError('VALIDATION_FAILED', `Unsupported entityType ${JSON.stringify(entityType)} for action "${String(action)}"; send ${SUPPORTED_TEXT}`);
  }
  if (isLegacyType(entityType)) return { action: action === 'UPSERT' ? 'UPSERT' : 'CREATE', entityType };
  return action === 'UPSERT' ? { action: 'UPSERT', entityType: 'INVENTORY' } : { action: 'CREATE', entityType: 'RETAILER' };
}

function parseRecords(value: unknown): unknown[] {
  if (value === undefined || value === null) throw new SimError('REQUIRED_FIELD_MISSING', "'entities' is required: an array of 1 to 5000 records");
  if (!Array.isArray(value)) throw new SimError('VALIDATION_FAILED', `'entities' must be an array of records, got ${typeof value}`);
  if (value.length === 0) throw new SimError('VALIDATION_FAILED', "'entities' is empty; a batch needs at least one record");
  if (value.length > MAX_BATCH_RECORDS) {
    throw new SimError(
      'VALIDATION_FAILED',
      `'entities' has ${value.length} records; a batch holds at most ${MAX_BATCH_RECORDS}. Split them over several batches of the same job`,
    );
  }
  return value;
}

/** `retailerId` is the job's: the default catalogue is `DEFAULT:<retailerId>` (§4.4). */
export function parseBatchRequest(body: unknown, retailerId: string): BatchRequest {
  if (!isRecord(body)) {
    throw new SimError('VALIDATION_FAILED', `The request body must be a JSON object: {"action", "entityType", "entities": […]} with ${SUPPORTED_TEXT}`);
  }
  const kind = parseKind(body);
  const records = parseRecords(body['entities']);
  if (kind.entityType === 'RETAILER') return { type: 'retailer', kind, records };
  if (kind.entityType !== 'INVENTORY') return { type: 'legacy', kind, records };
  const parsed = inventorySettingsSchema.safeParse(body);
  if (!parsed.success) {
    throw new SimError('VALIDATION_FAILED', parsed.error.issues.map((issue) => `'${issue.path.join('.')}': ${issue.message}`).join('; '));
  }
  const settings: InventoryBatchSettings = {
    source: parsed.data.source ?? DEFAULT_BATCH_SOURCE,
    event: parsed.data.event ?? DEFAULT_BATCH_EVENT,
    catalogueRef: parsed.data.catalogueRef ?? `DEFAULT:${retailerId}`,
    conditions: parsed.data.conditions ?? null,
  };
  return { type: 'inventory', kind, settings, records };
}
