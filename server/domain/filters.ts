/**
 * Search filters built from a connection field's arguments: every argument filters on the field
 * of the same name (fluent-platform.md §2.3): a list matches any of its values, `DateRange`
 * matches `from`/`to` inclusive, key and link inputs (`catalogue: ProductCatalogueKey`,
 * `customerLink: CustomerLinkInput`, `retailer: RetailerLinkInput`) match the linked entity's
 * key fields, `retailerId: [Int]` matches the linked retailer's id.
 */
import { type GraphQLArgument, getNamedType, isInputObjectType } from 'graphql';
import { isRecord, propertyOf, recordsIn } from '../lib/guards.js';
import { createdOnMs } from './created-on-window.js';
import { SimError } from './errors.js';
import { DERIVED_VALUES } from './derived-values.js';
import { ARGUMENT_FIELDS } from './overrides.js';
import { isLinkRef, type EntityRecord, type Store } from './store/store.js';

export const PAGING_ARGS = new Set(['first', 'last', 'before', 'after']);

export type Predicate = (r: EntityRecord) => boolean;

/** Does `record` satisfy a key object such as `{ref: 'X', catalogue: {ref: 'C'}}`? */
export function matchesKey(store: Store, record: EntityRecord, key: Record<string, unknown>): boolean {
  for (const k of Object.keys(key)) {
    const expected = key[k];
    if (expected === undefined || expected === null) continue;
    const actual = valueFor(record, k, store);
    if (isRecord(expected)) {
      const links = (Array.isArray(actual) ? actual : [actual]).filter(isLinkRef);
      if (
        !links.some((l) => {
          const t = store.resolve(l);
          return t !== undefined && matchesKey(store, t, expected);
        })
      )
        return false;
    } else if (actual === undefined || actual === null || String(actual) !== String(expected)) {
      return false;
    }
  }
  return true;
}

/**
 * A record's value for a filter name, following `xLink` → `x`, `retailerId` → `retailer.id`,
 * argument names that differ from their field, and values computed from links.
 */
function valueFor(record: EntityRecord, name: string, store?: Store): unknown {
  if (name in record) return record[name];
  const derive = DERIVED_VALUES[`${record.__typename}.${name}`];
  if (derive && store) return derive(store, record);
  if (name.endsWith('Link') && name.slice(0, -4) in record) return record[name.slice(0, -4)];
  if (name === 'retailerId' && isLinkRef(record['retailer'])) return record['retailer'].id;
  const alias = ARGUMENT_FIELDS[name];
  if (alias !== undefined && alias in record) return record[alias];
  return undefined;
}

export function parseInstant(value: unknown, arg: string): number {
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) throw new SimError('INVALID_DATE', `${arg}: "${String(value)}" is not a valid UTC date`);
  return ms;
}

export function buildPredicate(store: Store, argDefs: readonly GraphQLArgument[], args: Record<string, unknown>): Predicate {
  const tests: Predicate[] = [];
  for (const def of argDefs) {
    const value = args[def.name];
    if (PAGING_ARGS.has(def.name) || value === undefined || value === null) continue;
    const named = getNamedType(def.type);
    if (named.name === 'DateRange') {
      const [rangeFrom, rangeTo] = [propertyOf(value, 'from'), propertyOf(value, 'to')];
      if (rangeFrom == null && rangeTo == null) throw new SimError('DATE_RANGE_INCOMPLETE', `${def.name}: a date range needs "from" or "to"`);
      const from = rangeFrom == null ? -Infinity : parseInstant(rangeFrom, `${def.name}.from`);
      const to = rangeTo == null ? Infinity : parseInstant(rangeTo, `${def.name}.to`);
      tests.push((r) => {
        const v = r[def.name];
        if (typeof v !== 'string') return false;
        const ms = def.name === 'createdOn' ? createdOnMs(r) : Date.parse(v);
        return ms >= from && ms <= to;
      });
    } else if (def.name === 'workflow' && named.name === 'WorkflowLinkInput') {
      const [ref, version] = [propertyOf(value, 'ref'), propertyOf(value, 'version')];
      tests.push((r) => r['workflowRef'] === ref && String(r['workflowVersion']) === String(version));
    } else if (isInputObjectType(named)) {
      const keys = recordsIn(value);
      tests.push((r) => keys.some((k) => matchesKeyField(store, r, def.name, k)));
    } else if (Array.isArray(value)) {
      const wanted = new Set(value.flat(2).map((v) => String(v)));
      if (wanted.size === 0) continue;
      tests.push((r) => {
        const v = valueFor(r, def.name, store);
        if (Array.isArray(v)) return v.flat(2).some((x) => wanted.has(String(x)));
        return v !== undefined && v !== null && wanted.has(String(v));
      });
    } else {
      tests.push((r) => String(valueFor(r, def.name, store)) === String(value));
    }
  }
  return (r) => tests.every((t) => t(r));
}

function matchesKeyField(store: Store, record: EntityRecord, field: string, key: Record<string, unknown>): boolean {
  const v = valueFor(record, field, store);
  const links = (Array.isArray(v) ? v : [v]).filter(isLinkRef);
  return links.some((l) => {
    const t = store.resolve(l);
    return t !== undefined && matchesKey(store, t, key);
  });
}
