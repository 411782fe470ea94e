/**
 * One record of a LOCATION batch (Fluent "Batch API", Location Batch; record fields not in the
 * published excerpts, so [inferred]: `CreateLocationInput`'s names). Legacy aliases:
 * `locationRef` for `ref`, `retailerId` for `retailer` (default: the job's retailer). UPSERT of
 * an existing location runs `updateLocation` on its id; a `primaryAddress` or `openingSchedule`
 * sent then updates the location's own (their ids are filled in, the address's `ref` dropped).
 */
import { isLinkRef, type EntityRecord } from '../domain/store/store.js';
import { isObject } from '../lib/is-object.js';
import type { RecordResult } from './job-model.js';
import { applyEntityRecord, type EntityBatchContext, type EntityRecordSpec, type RecordFields } from './apply-entity-record.js';

/** A nested input of the update, tied to the stored child's id; other values are left for the input check. */
function withIdOf(value: unknown, link: unknown): unknown {
  if (!isObject(value) || !isLinkRef(link)) return value;
  const { ref: _ref, ...rest } = value;
  return { ...rest, id: link.id };
}

const LOCATION: EntityRecordSpec = {
  label: 'Location',
  typename: 'Location',
  refAlias: 'locationRef',
  createMutation: 'createLocation',
  updateMutation: 'updateLocation',
  prepare(fields, ctx) {
    const retailerId = fields['retailerId'];
    delete fields['retailerId'];
    if (retailerId !== undefined && retailerId !== null && typeof retailerId !== 'string' && typeof retailerId !== 'number') {
      return `'retailerId' must be a string, got ${JSON.stringify(retailerId)}`;
    }
    fields['retailer'] ??= { id: String(retailerId ?? ctx.retailerId) };
    return undefined;
  },
  key: (fields) => ({ ref: fields['ref'] }),
  toUpdate(fields, existing: EntityRecord) {
    const { ref: _ref, ...rest } = fields;
    const input: RecordFields = { ...rest, id: existing.id };
    if (rest['primaryAddress'] !== undefined) input['primaryAddress'] = withIdOf(rest['primaryAddress'], existing['primaryAddress']);
    if (rest['openingSchedule'] !== undefined) input['openingSchedule'] = withIdOf(rest['openingSchedule'], existing['openingSchedule']);
    return input;
  },
};

export function applyLocationRecord(ctx: EntityBatchContext, raw: unknown, recordIndex: number): RecordResult | undefined {
  return applyEntityRecord(LOCATION, ctx, raw, recordIndex);
}
