/**
 * Field rules of the entity service that need no other record: defaults a create fills in
 * (ref, status, workflowRef/workflowVersion), maximum lengths (C0141E), the key fields of an
 * update input, and attributes (by name) and prices (by type + currency) upserted.
 */
import { type GraphQLInputObjectType, getNamedType, isInputObjectType, isNonNullType } from 'graphql';
import { REFERENCE_INPUT } from './entity-references.js';
import { SimError } from './errors.js';
import type { Model } from './model.js';
import { DEFAULT_STATUS_CREATED, MAX_LENGTH, REF_FROM_FIELD } from './overrides.js';
import { isLinkRef, type EntityRecord } from './store/store.js';
import { isRecord, propertyOf } from '../lib/guards.js';

/** The version new orchestrated entities start on (the entity service's `workflowVersion` hook). */
export type WorkflowVersionOf = (workflowRef: string, retailerId?: string) => number | undefined;

export function applyDefaults(model: Model, workflowVersion: WorkflowVersionOf | undefined, record: EntityRecord): void {
  const entity = model.entities[record.__typename]!;
  const refFrom = REF_FROM_FIELD[record.__typename];
  if (refFrom && record['ref'] == null && record[refFrom] != null) record['ref'] = record[refFrom];
  if ('status' in entity.fields && record['status'] == null) {
    record['status'] = entity.orchestrateable || DEFAULT_STATUS_CREATED.has(record.__typename) ? 'CREATED' : 'ACTIVE';
  }
  if (entity.orchestrateable && 'workflowRef' in entity.fields && record['workflowRef'] == null) {
    const workflowRef = workflowRefOf(entity.fluentEntityType ?? upperSnake(record.__typename), String(record['type'] ?? 'DEFAULT'));
    record['workflowRef'] = workflowRef;
    const retailer = record['retailer'];
    record['workflowVersion'] = workflowVersion?.(workflowRef, isLinkRef(retailer) ? retailer.id : undefined) ?? 1;
  }
}

/**
 * `ENTITY::TYPE`, the same string object for the same pair: each orchestrated record kept its own
 * (a concatenation, ≈ 64 bytes), though a run has a handful of them. Up to WORKFLOW_REFS_KEPT
 * pairs are kept (types come from inputs).
 */
function workflowRefOf(entityType: string, type: string): string {
  let byType = workflowRefs.get(entityType);
  const kept = byType?.get(type);
  if (kept !== undefined) return kept;
  const workflowRef = `${entityType}::${type}`;
  if (workflowRefsKept < WORKFLOW_REFS_KEPT) {
    if (!byType) workflowRefs.set(entityType, (byType = new Map()));
    byType.set(type, workflowRef);
    workflowRefsKept += 1;
  }
  return workflowRef;
}
const WORKFLOW_REFS_KEPT = 1024;
const workflowRefs = new Map<string, Map<string, string>>();
let workflowRefsKept = 0;

export function checkLength(field: string, value: unknown): void {
  const max = MAX_LENGTH[field];
  if (max !== undefined && typeof value === 'string' && value.length > max) {
    throw new SimError('FIELD_TOO_LONG', `C0141E: ${field} is ${value.length} characters long; the maximum is ${max}`);
  }
}

/** keyFieldsOf per input type and type name: the schema never changes, and every update asks. */
const keyFieldsKept = new WeakMap<GraphQLInputObjectType, Map<string, readonly string[]>>();

/** The fields an update input is keyed by: its required identifying fields (§2.5). */
export function keyFieldsOf(inputType: GraphQLInputObjectType, typename: string): readonly string[] {
  let byTypename = keyFieldsKept.get(inputType);
  if (!byTypename) keyFieldsKept.set(inputType, (byTypename = new Map()));
  let keys = byTypename.get(typename);
  if (!keys) byTypename.set(typename, (keys = findKeyFields(inputType, typename)));
  return keys;
}

function findKeyFields(inputType: GraphQLInputObjectType, typename: string): string[] {
  const identifying = ['id', 'ref', 'username', 'name', 'alphabeticCode'];
  const keys: string[] = [];
  for (const f of Object.values(inputType.getFields())) {
    const required = isNonNullType(f.type);
    if (identifying.includes(f.name) && (required || f.name === 'id')) keys.push(f.name);
    else if (required && isInputObjectType(getNamedType(f.type)) && REFERENCE_INPUT.test(getNamedType(f.type).name)) keys.push(f.name);
  }
  // Setting, Comment and others are keyed by id alone even though other fields are required.
  if (keys.includes('id')) return ['id'];
  if (typename === 'Role' || typename === 'Permission') return ['name'];
  return keys;
}

export type AttributeValue = { name: string; type: string; value: unknown };

/** Attributes are upserted by name on update (schema descriptions, fluent-platform.md §2.6). */
export function upsertAttributes(current: unknown, incoming: readonly unknown[]): unknown[] {
  return upsertBy(current, incoming, (x, a) => propertyOf(x, 'name') === a['name']);
}

export type PriceValue = { type: string; currency: string; value: number };

/**
 * Prices are upserted by type + currency on update: "If an associated Price with a matching
 * name and type already exists, then the value field will be updated, else it will be inserted"
 * (UpdateStandardProductInput / UpdateVariantProductInput descriptions; the key is type+currency).
 */
export function upsertPrices(current: unknown, incoming: readonly unknown[]): unknown[] {
  return upsertBy(current, incoming, (x, p) => propertyOf(x, 'type') === p['type'] && propertyOf(x, 'currency') === p['currency']);
}

/** `current` (a stored list, or nothing) with each incoming object replacing the entry it matches, or appended. */
function upsertBy(current: unknown, incoming: readonly unknown[], same: (stored: unknown, value: Record<string, unknown>) => boolean): unknown[] {
  const list: unknown[] = Array.isArray(current) ? [...current] : [];
  for (const value of incoming) {
    if (!isRecord(value)) continue;
    const at = list.findIndex((stored) => same(stored, value));
    if (at >= 0) list[at] = value;
    else list.push(value);
  }
  return list;
}

/** `CarrierConsignment` → `CARRIER_CONSIGNMENT`, for workflowRefs of types outside §3.3. */
function upperSnake(typename: string): string {
  return typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
