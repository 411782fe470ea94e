/**
 * One record of a legacy entity batch (LOCATION, PRODUCT, SKU, CATEGORY; docs/jobs.md), the
 * part every type shares: the record is the GraphQL create input of its entity, with the
 * legacy aliases a kind accepts (`locationRef`, `catalogueRef`, …) turned into GraphQL fields by
 * the kind's `prepare`. `CREATE` runs the create mutation and fails a record whose entity exists;
 * `UPSERT` runs the update mutation when it exists. Both go through `runCommand`, so the record
 * is checked as the GraphQL API checks variables and raises the same events; a record that fails
 * becomes a per-record result and writes nothing.
 *
 * Result codes (Fluent "Batch API" BATCHRECORDSTATUS): "400" for an invalid record, "404" for a
 * dependent record that does not exist (a parent category, a SKU's product, a network).
 */
import { runCommand } from '../domain/commands/run-command.js';
import { isSimError } from '../domain/errors.js';
import { isObject } from '../lib/is-object.js';
import type { EntityRecord } from '../domain/store/store.js';
import type { BatchAccount } from './job-service.js';
import type { RecordResult } from './job-model.js';

export type EntityBatchContext = {
  account: BatchAccount;
  action: 'CREATE' | 'UPSERT';
  /** The job's retailer: the default retailer of a location, and of the `PC:MASTER:<id>` catalogue. */
  retailerId: string;
};

export type RecordFields = Record<string, unknown>;

/** How one legacy entity type maps onto the domain's mutations. */
export type EntityRecordSpec = {
  /** The entity's name in messages ("Location"). */
  label: string;
  /** Where the stored entity is looked up. */
  typename: string;
  /** The legacy name of `ref` ("locationRef"). */
  refAlias: string;
  createMutation: string;
  updateMutation: string;
  /** Turns the aliases into GraphQL fields and applies defaults, in place; a string is the problem. */
  prepare(fields: RecordFields, ctx: EntityBatchContext): string | undefined;
  /** The key `findByKey` looks the stored entity up by. */
  key(fields: RecordFields): Record<string, unknown>;
  /** The update mutation's input for the stored entity. */
  toUpdate(fields: RecordFields, existing: EntityRecord): RecordFields;
};

/**
 * The product catalogue of a record: `catalogue: {ref}`, else `catalogueRef`, else
 * `PC:MASTER:<retailerId>` [inferred: the platform's naming of a retailer's master catalogue].
 * A string is the problem.
 */
export function takeCatalogue(fields: RecordFields, ctx: EntityBatchContext): { ref: string } | string {
  const alias = fields['catalogueRef'];
  delete fields['catalogueRef'];
  const given = fields['catalogue'];
  if (given !== undefined && given !== null) {
    const ref = isObject(given) ? given['ref'] : undefined;
    return typeof ref === 'string' ? { ref } : `'catalogue' must be {"ref": "<catalogue ref>"}, got ${JSON.stringify(given)}`;
  }
  if (alias !== undefined && typeof alias !== 'string') return `'catalogueRef' must be a string, got ${JSON.stringify(alias)}`;
  const ref = alias || `PC:MASTER:${ctx.retailerId}`;
  fields['catalogue'] = { ref };
  return { ref };
}

/** `<name>Refs: ["a", "b"]` → `<field>: [{ref: "a", catalogue}, …]`; a string is the problem. */
export function takeKeyList(fields: RecordFields, alias: string, field: string, catalogue: { ref: string }): string | undefined {
  const refs = fields[alias];
  if (refs === undefined || refs === null) return undefined;
  delete fields[alias];
  if (!Array.isArray(refs) || !refs.every((ref) => typeof ref === 'string')) return `'${alias}' must be an array of strings, got ${JSON.stringify(refs)}`;
  fields[field] = refs.map((ref) => ({ ref, catalogue }));
  return undefined;
}

export function applyEntityRecord(spec: EntityRecordSpec, ctx: EntityBatchContext, raw: unknown, recordIndex: number): RecordResult | undefined {
  let entityRef: string | null = null;
  const failure = (code: string, message: string): RecordResult => ({ recordIndex, entityRef, code, message });
  if (!isObject(raw)) {
    return failure('400', `record must be a JSON object {ref, …} (the fields of ${spec.createMutation}'s input), got ${JSON.stringify(raw)}`);
  }
  const fields: RecordFields = { ...raw };
  const ref = fields['ref'] ?? fields[spec.refAlias];
  delete fields[spec.refAlias];
  if (typeof ref !== 'string' && typeof ref !== 'number') return failure('400', `'ref' (or '${spec.refAlias}') is required: a string`);
  entityRef = String(ref);
  fields['ref'] = entityRef;
  const problem = spec.prepare(fields, ctx);
  if (problem) return failure('400', problem);
  const { account } = ctx;
  try {
    const existing = account.entities.findByKey(account.view, spec.typename, spec.key(fields));
    if (existing && ctx.action === 'CREATE') return failure('400', `${spec.label} "${entityRef}" already exists; send it with action UPSERT to update it`);
    if (existing) runCommand(account, spec.updateMutation, { input: spec.toUpdate(fields, existing) });
    else runCommand(account, spec.createMutation, { input: fields });
  } catch (error) {
    if (!isSimError(error)) throw error;
    return failure(error.code === 'ENTITY_NOT_FOUND' ? '404' : error.spec.restCode, error.message);
  }
  return undefined;
}
